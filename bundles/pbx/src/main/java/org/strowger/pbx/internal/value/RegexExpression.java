package org.strowger.pbx.internal.value;

import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * {@code subject : pattern} (anchored at the start) and {@code subject =~ pattern} (anywhere). A
 * pattern written literally is compiled with the dialplan, so a bad one fails the load; a pattern
 * computed from references is compiled at each evaluation.
 */
final class RegexExpression implements Expression {

    private final Expression subject;
    private final Expression pattern;
    private final boolean anchored;
    private final Pattern compiled;

    private RegexExpression(Expression subject, Expression pattern, boolean anchored, Pattern compiled) {
        this.subject = subject;
        this.pattern = pattern;
        this.anchored = anchored;
        this.compiled = compiled;
    }

    /** {@code column} is where the pattern operand starts, for error messages. */
    static Expression of(Expression subject, Expression pattern, boolean anchored, int column)
            throws DialplanSyntaxException {
        Pattern compiled = null;
        if (pattern instanceof OperandExpression operand && operand.operand().isLiteral()) {
            String text = operand.operand().source();
            try {
                compiled = Regexes.compile(text);
            } catch (PatternSyntaxException e) {
                throw new DialplanSyntaxException("Invalid regular expression " + text + ": " + e.getDescription(),
                        column);
            }
        }
        return new RegexExpression(subject, pattern, anchored, compiled);
    }

    @Override
    public String evaluate(Scope scope) {
        String text = subject.evaluate(scope);
        return Regexes.match(compiled != null ? compiled : compile(pattern.evaluate(scope)), text, anchored);
    }

    private static Pattern compile(String pattern) {
        try {
            return Regexes.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new DialplanEvaluationException("Invalid regular expression " + Operands.display(pattern)
                    + ": " + e.getDescription());
        }
    }
}
