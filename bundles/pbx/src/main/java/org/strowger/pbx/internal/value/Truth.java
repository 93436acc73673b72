package org.strowger.pbx.internal.value;

/**
 * Whether a finished value counts as true for GotoIf, IF(), ExecIf and the like (Asterisk's
 * {@code pbx_checkcondition}).
 */
public final class Truth {

    private Truth() {
    }

    /**
     * Empty (or null) is false. Text that starts with an integer (after optional blanks and a sign)
     * is true iff that integer is non-zero, whatever follows it: {@code "0"}, {@code "00"},
     * {@code "-0"}, {@code "0.5"} and {@code "0abc"} are false, {@code "2nd"} is true. Any other
     * text ({@code "abc"}, {@code " "}, {@code ".5"}) is true.
     */
    public static boolean isTrue(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        int i = 0;
        int length = value.length();
        while (i < length && isBlank(value.charAt(i))) {
            i++;
        }
        if (i < length && (value.charAt(i) == '+' || value.charAt(i) == '-')) {
            i++;
        }
        int digits = i;
        boolean nonZero = false;
        while (i < length && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            nonZero |= value.charAt(i) != '0';
            i++;
        }
        return i == digits || nonZero;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }
}
