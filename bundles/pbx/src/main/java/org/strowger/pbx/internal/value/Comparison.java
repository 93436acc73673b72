package org.strowger.pbx.internal.value;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * Orders two operands: by value when both are numbers ({@code 10 > 9}, {@code 3 = 3.0}), otherwise
 * as text, character by character ({@code "10" < "9"}: quoted operands are never numbers). Asterisk
 * uses the C library's locale order, which in the usual C locale is the same for ASCII text.
 */
final class Comparison {

    private Comparison() {
    }

    static int compare(String left, String right) {
        Optional<BigDecimal> a = Numbers.parse(left);
        Optional<BigDecimal> b = Numbers.parse(right);
        if (a.isPresent() && b.isPresent()) {
            return a.get().compareTo(b.get());
        }
        return left.compareTo(right);
    }
}
