package org.strowger.pbx.internal.apps;

import java.util.Locale;
import java.util.Optional;

import org.strowger.channel.HangupCause;

/** Hangup causes as written in the dialplan: {@code 17} or {@code USER_BUSY}. */
final class Causes {

    private Causes() {
    }

    /** Empty text gives empty; unknown text is an error naming it. */
    static Optional<HangupCause> parse(String text) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return Optional.empty();
        }
        if (trimmed.chars().allMatch(Character::isDigit)) {
            return Optional.of(HangupCause.fromCodeOrClass(Integer.parseInt(trimmed)));
        }
        try {
            return Optional.of(HangupCause.valueOf(trimmed.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + text + "' is not a hangup cause (a Q.850 number or a name such"
                    + " as NORMAL_CLEARING or USER_BUSY)");
        }
    }
}
