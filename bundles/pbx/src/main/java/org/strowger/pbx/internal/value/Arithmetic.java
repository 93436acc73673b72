package org.strowger.pbx.internal.value;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * {@code + - * / %} on two numbers ({@link Numbers}). An operand that is not a number is an error
 * (Asterisk logs a warning and substitutes 0 or the other operand). Results are exact: {@code 3+4}
 * is 7, {@code 7/2} is 3.5, {@code 6/2} is 3; a quotient that never terminates ({@code 1/3}) is
 * rounded to 16 significant digits. {@code %} keeps the sign of the dividend, like C's fmod.
 *
 * <p>Division (or {@code %}) by zero throws {@link DialplanEvaluationException}. Asterisk warns and
 * yields INT_MAX, a number that then flows silently into a timeout, a priority or a loop counter;
 * stopping with a message that names the operands points at the real mistake.
 */
final class Arithmetic {

    private static final MathContext NON_TERMINATING = MathContext.DECIMAL64;

    private Arithmetic() {
    }

    static String compute(InfixOperator operator, String left, String right) {
        String shown = Operands.display(left) + " " + operator.symbol() + " " + Operands.display(right);
        BigDecimal a = Numbers.parse(left).orElseThrow(() -> notNumbers(operator, shown));
        BigDecimal b = Numbers.parse(right).orElseThrow(() -> notNumbers(operator, shown));
        try {
            return Numbers.format(switch (operator) {
                case PLUS -> a.add(b);
                case MINUS -> a.subtract(b);
                case TIMES -> a.multiply(b);
                case DIVIDE -> divide(a, b);
                case MODULO -> remainder(a, b);
                default -> throw new IllegalArgumentException(operator + " is not arithmetic");
            });
        } catch (ArithmeticException e) {
            throw new DialplanEvaluationException(e.getMessage() + ": " + shown);
        }
    }

    private static BigDecimal divide(BigDecimal a, BigDecimal b) {
        requireNonZero(b);
        try {
            return a.divide(b);
        } catch (ArithmeticException nonTerminating) {
            return a.divide(b, NON_TERMINATING);
        }
    }

    private static BigDecimal remainder(BigDecimal a, BigDecimal b) {
        requireNonZero(b);
        return a.remainder(b);
    }

    private static void requireNonZero(BigDecimal divisor) {
        if (divisor.signum() == 0) {
            throw new ArithmeticException("Division by zero");
        }
    }

    private static DialplanEvaluationException notNumbers(InfixOperator operator, String shown) {
        return new DialplanEvaluationException("'" + operator.symbol() + "' needs two numbers, but got " + shown);
    }
}
