package org.strowger.pbx.internal.value;

/** One token of a {@code $[...]} expression; an operand carries its template (quotes included). */
record ExpressionToken(Kind kind, int column, String text, Template operand) {

    enum Kind {
        OPERAND, OR, AND, EQUAL, NOT_EQUAL, LESS, GREATER, LESS_OR_EQUAL, GREATER_OR_EQUAL,
        PLUS, MINUS, TIMES, DIVIDE, MODULO, NOT, MATCH_START, MATCH_ANYWHERE, CONCAT,
        QUESTION, DOUBLE_COLON, OPEN, CLOSE, COMMA, END
    }

    /** How the token reads in an error message. */
    String describe() {
        return kind == Kind.END ? "the end of the expression" : "'" + text + "'";
    }
}
