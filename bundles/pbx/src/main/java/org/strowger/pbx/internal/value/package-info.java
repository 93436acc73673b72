/**
 * Dialplan values compiled at load time: templates with {@code ${...}} references, substrings
 * and function calls, and {@code $[...]} expressions. A substituted value is spliced into its
 * own slot only: it is never re-scanned or re-split, which makes dialplan injection impossible
 * by construction.
 *
 * <p>Entry points: {@link org.strowger.pbx.internal.value.Templates#compile} and
 * {@link org.strowger.pbx.internal.value.Truth#isTrue}. Where expressions differ from Asterisk on
 * purpose: a quoted operand keeps its quotes and is never a number (as in Asterisk), but the
 * regex operators and {@code ~~} drop them; non-numeric arithmetic operands, division by zero and
 * non-finite math results are errors rather than warnings; arithmetic is exact decimal;
 * {@code |}, {@code &} and {@code ?::} evaluate only the side they need; {@code ""} is false.
 */
package org.strowger.pbx.internal.value;
