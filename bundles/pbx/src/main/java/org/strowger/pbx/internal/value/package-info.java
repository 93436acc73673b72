/**
 * Dialplan values compiled at load time: templates with {@code ${...}} references, substrings
 * and function calls, and {@code $[...]} expressions. A substituted value is spliced into its
 * own slot only: it is never re-scanned or re-split, which makes dialplan injection impossible
 * by construction.
 */
package org.strowger.pbx.internal.value;
