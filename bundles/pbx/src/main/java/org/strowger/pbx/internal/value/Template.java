package org.strowger.pbx.internal.value;

/**
 * A piece of dialplan text compiled at load: literal text, {@code ${NAME}}, {@code ${NAME:off:len}},
 * {@code ${FUNC(args)}}, {@code $[expression]}, nested in any combination. Evaluation returns one
 * string for the one slot the template fills.
 */
public interface Template {

    /** Substitutes every reference, left to right, and returns the text. */
    String evaluate(Scope scope);

    /** True when the template has no reference at all (it evaluates to its source). */
    boolean isLiteral();

    /** The text as written in the dialplan. */
    String source();
}
