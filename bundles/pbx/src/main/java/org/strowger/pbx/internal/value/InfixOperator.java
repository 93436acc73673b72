package org.strowger.pbx.internal.value;

/** The binary operators that take two operand strings and give one. */
enum InfixOperator {
    EQUAL("="), NOT_EQUAL("!="), LESS("<"), GREATER(">"), LESS_OR_EQUAL("<="), GREATER_OR_EQUAL(">="),
    PLUS("+"), MINUS("-"), TIMES("*"), DIVIDE("/"), MODULO("%"),
    /** {@code ~~}: joins the two operands, each without its surrounding quotes. */
    CONCAT("~~");

    private final String symbol;

    InfixOperator(String symbol) {
        this.symbol = symbol;
    }

    String symbol() {
        return symbol;
    }

    String apply(String left, String right) {
        return switch (this) {
            case EQUAL -> Operands.bool(Comparison.compare(left, right) == 0);
            case NOT_EQUAL -> Operands.bool(Comparison.compare(left, right) != 0);
            case LESS -> Operands.bool(Comparison.compare(left, right) < 0);
            case GREATER -> Operands.bool(Comparison.compare(left, right) > 0);
            case LESS_OR_EQUAL -> Operands.bool(Comparison.compare(left, right) <= 0);
            case GREATER_OR_EQUAL -> Operands.bool(Comparison.compare(left, right) >= 0);
            case CONCAT -> Operands.unquote(left) + Operands.unquote(right);
            case PLUS, MINUS, TIMES, DIVIDE, MODULO -> Arithmetic.compute(this, left, right);
        };
    }
}
