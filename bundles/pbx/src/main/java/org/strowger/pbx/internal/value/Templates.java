package org.strowger.pbx.internal.value;

/** Compiles dialplan text into {@link Template}s. */
public final class Templates {

    private Templates() {
    }

    /**
     * Compiles {@code text} into an immutable tree, once, when the dialplan loads:
     * <ul>
     * <li>{@code ${NAME}}; {@code ${NAME:offset}} and {@code ${NAME:offset:length}} (negative
     * offset from the end, negative length drops trailing characters); the name, offset and length
     * may contain references ({@code ${A${B}}}, {@code ${X:${Y}}}); a missing variable gives "";
     * <li>{@code ${FUNC(a,b)}}, also with {@code :offset:length}: the name must be written out; the
     * arguments are split here on commas outside nested (), [], references and double quotes
     * (quotes are kept), and each is a template of its own;
     * <li>{@code $[expression]}: see {@link ExpressionParser} for the grammar and
     * {@link InfixOperator}, {@link Arithmetic}, {@link Operands} for the semantics;
     * <li>everything else, including a {@code $} not followed by {@code {} or {@code [}, is literal.
     * </ul>
     * Evaluation is one left-to-right pass in which every value fills its own slot and is never
     * scanned again: a value of {@code ${OTHER}}, {@code a,b} or {@code 1 + 1} stays that text, one
     * variable value, one function argument, one expression operand.
     *
     * @throws DialplanSyntaxException for an unclosed {@code ${} or {@code $[}, a malformed
     *         substring, a malformed expression, or an expression without references that cannot
     *         be computed ({@code $[1/0]})
     */
    public static Template compile(String text) throws DialplanSyntaxException {
        return new TemplateParser(new SourceCursor(text)).parseAll();
    }
}
