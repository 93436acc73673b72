package org.strowger.pbx.internal.value;

/** {@code left op right} for the operators that always need both sides. */
record InfixExpression(Expression left, InfixOperator operator, Expression right) implements Expression {

    @Override
    public String evaluate(Scope scope) {
        String l = left.evaluate(scope);
        return operator.apply(l, right.evaluate(scope));
    }
}
