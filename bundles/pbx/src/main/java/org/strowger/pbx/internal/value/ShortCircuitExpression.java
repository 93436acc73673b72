package org.strowger.pbx.internal.value;

/**
 * {@code a | b} gives a if a is true, else b; {@code a & b} gives a if both are true, else 0
 * (truth by {@link Operands#isTrue}). Unlike Asterisk, which evaluates both sides, the right side
 * is evaluated only when it decides the result, so its function calls have no side effects and
 * its errors do not count otherwise.
 */
final class ShortCircuitExpression implements Expression {

    private final boolean or;
    private final Expression left;
    private final Expression right;

    private ShortCircuitExpression(boolean or, Expression left, Expression right) {
        this.or = or;
        this.left = left;
        this.right = right;
    }

    static Expression or(Expression left, Expression right) {
        return new ShortCircuitExpression(true, left, right);
    }

    static Expression and(Expression left, Expression right) {
        return new ShortCircuitExpression(false, left, right);
    }

    @Override
    public String evaluate(Scope scope) {
        String l = left.evaluate(scope);
        if (or) {
            return Operands.isTrue(l) ? l : right.evaluate(scope);
        }
        if (!Operands.isTrue(l)) {
            return "0";
        }
        return Operands.isTrue(right.evaluate(scope)) ? l : "0";
    }
}
