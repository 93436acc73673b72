package org.strowger.pbx.internal.value;

import java.math.BigDecimal;

/** {@code !x} (1 if x is false by {@link Operands#isTrue}, else 0) and {@code -x} (x must be a number). */
final class UnaryExpression implements Expression {

    private final boolean negate;
    private final Expression operand;

    private UnaryExpression(boolean negate, Expression operand) {
        this.negate = negate;
        this.operand = operand;
    }

    static Expression not(Expression operand) {
        return new UnaryExpression(false, operand);
    }

    static Expression negate(Expression operand) {
        return new UnaryExpression(true, operand);
    }

    @Override
    public String evaluate(Scope scope) {
        String value = operand.evaluate(scope);
        if (!negate) {
            return Operands.bool(!Operands.isTrue(value));
        }
        BigDecimal number = Numbers.parse(value).orElseThrow(() -> new DialplanEvaluationException(
                "Unary '-' needs a number, but got " + Operands.display(value)));
        return Numbers.format(number.negate());
    }
}
