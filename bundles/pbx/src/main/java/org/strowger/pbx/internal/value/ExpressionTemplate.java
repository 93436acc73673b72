package org.strowger.pbx.internal.value;

import java.util.List;
import java.util.Optional;

/** {@code $[expression]} as a template: the value of the expression tree compiled at load. */
final class ExpressionTemplate implements Template {

    /** Stands in for a call when the expression reads nothing from it; reaching it is a bug. */
    private static final Scope NOTHING = new Scope() {
        @Override
        public Optional<String> variable(String name) {
            throw new IllegalStateException("a constant expression read variable " + name);
        }

        @Override
        public String function(String name, List<String> arguments) {
            throw new IllegalStateException("a constant expression called function " + name);
        }
    };

    private final String source;
    private final Expression expression;

    private ExpressionTemplate(String source, Expression expression) {
        this.source = source;
        this.expression = expression;
    }

    /**
     * An expression that reads nothing from the scope is computed now, so that {@code $[1/0]} or
     * {@code $[abc + 1]} is reported when the dialplan loads rather than during a call.
     */
    static Template compile(String source, Expression expression, boolean readsScope, int column)
            throws DialplanSyntaxException {
        if (readsScope) {
            return new ExpressionTemplate(source, expression);
        }
        try {
            String value = expression.evaluate(NOTHING);
            return new ExpressionTemplate(source, scope -> value);
        } catch (DialplanEvaluationException e) {
            throw new DialplanSyntaxException(e.getMessage() + " in " + source, column);
        }
    }

    @Override
    public String evaluate(Scope scope) {
        return expression.evaluate(scope);
    }

    @Override
    public boolean isLiteral() {
        return false;
    }

    @Override
    public String source() {
        return source;
    }

    @Override
    public String toString() {
        return source;
    }
}
