package org.strowger.channel.shell;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import org.strowger.channel.HangupCause;

/** Reads the hangup cause an operator typed: a Q.850 number ({@code 16}) or a name ({@code normal_clearing}). */
final class HangupCauseParser {

    static final HangupCause DEFAULT = HangupCause.NORMAL_CLEARING;

    private static final String NAMES_ACCEPTED =
            "a cause name such as NORMAL_CLEARING or USER_BUSY (any case; Tab completes the names)";

    private HangupCauseParser() {
    }

    /**
     * @param text what was typed; {@code null} or blank means {@link #DEFAULT}
     * @throws IllegalArgumentException naming the input and what is accepted
     */
    static HangupCause parse(String text) {
        if (text == null || text.isBlank()) {
            return DEFAULT;
        }
        String typed = text.strip();
        if (typed.chars().allMatch(Character::isDigit)) {
            return byCode(typed);
        }
        try {
            return HangupCause.valueOf(typed.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknownName) {
            throw new IllegalArgumentException("Unknown hangup cause '" + typed
                    + "': give a Q.850 cause number such as 16 or 17, or " + NAMES_ACCEPTED);
        }
    }

    private static HangupCause byCode(String digits) {
        // longer than any cause number, and Integer.parseInt could overflow
        int code = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        return HangupCause.fromCode(code).orElseThrow(() -> new IllegalArgumentException(
                "Unknown hangup cause '" + digits + "': not a Q.850 cause number Strowger knows ("
                        + knownCodes() + "); or give " + NAMES_ACCEPTED));
    }

    private static String knownCodes() {
        return Arrays.stream(HangupCause.values())
                .map(cause -> String.valueOf(cause.code()))
                .collect(Collectors.joining(", "));
    }
}
