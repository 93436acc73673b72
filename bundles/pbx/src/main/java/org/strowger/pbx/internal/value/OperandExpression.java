package org.strowger.pbx.internal.value;

/** A leaf: a word, a quoted string (quotes kept) or a reference; its value is one operand, whatever it contains. */
record OperandExpression(Template operand) implements Expression {

    @Override
    public String evaluate(Scope scope) {
        return operand.evaluate(scope);
    }
}
