package org.strowger.pbx.internal.value;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What counts as a number in an expression, and how results are written. A number is an optional
 * minus and decimal digits with at most one point ({@code 3}, {@code -0.5}, {@code .5}, {@code 007});
 * blanks around it are ignored. No plus sign, exponent, hex, or quotes: {@code "3"} is text, as in
 * Asterisk. Numbers are exact decimals, so integers stay integers and {@code 0.1 + 0.2} is 0.3.
 */
final class Numbers {

    private static final Pattern NUMBER = Pattern.compile("-?(?:[0-9]+(?:\\.[0-9]*)?|\\.[0-9]+)");

    private Numbers() {
    }

    static Optional<BigDecimal> parse(String operand) {
        String text = operand.strip();
        return NUMBER.matcher(text).matches() ? Optional.of(new BigDecimal(text)) : Optional.empty();
    }

    /** Plain decimal notation without trailing zeros: 7, 3.5, -0.25, never 7.0 or 1E+3. */
    static String format(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    /** A double result as an exact decimal; infinities and NaN are errors, not values. */
    static BigDecimal fromDouble(double value) {
        if (!Double.isFinite(value)) {
            throw new ArithmeticException("has no finite result");
        }
        return BigDecimal.valueOf(value);
    }
}
