package org.strowger.pbx.internal.value;

/** {@code c ? a :: b}; only the chosen branch is evaluated (Asterisk evaluates both). */
record ConditionalExpression(Expression condition, Expression then, Expression otherwise) implements Expression {

    @Override
    public String evaluate(Scope scope) {
        return Operands.isTrue(condition.evaluate(scope)) ? then.evaluate(scope) : otherwise.evaluate(scope);
    }
}
