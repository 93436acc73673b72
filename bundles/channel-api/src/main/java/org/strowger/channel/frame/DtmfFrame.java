package org.strowger.channel.frame;

import java.time.Duration;
import java.util.Objects;

/**
 * A DTMF digit starting or ending.
 *
 * @param digit one of {@code 0-9 * # A-D}
 * @param phase begin or end
 * @param duration how long the digit lasted (end), or {@link Duration#ZERO} (begin)
 */
public record DtmfFrame(char digit, Phase phase, Duration duration) implements Frame {

    /** Which edge of the digit this frame marks. */
    public enum Phase { BEGIN, END }

    public DtmfFrame {
        if ("0123456789*#ABCD".indexOf(digit) < 0) {
            throw new IllegalArgumentException("'" + digit + "' is not a DTMF digit (0-9 * # A-D)");
        }
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(duration, "duration");
    }

    public static DtmfFrame begin(char digit) {
        return new DtmfFrame(digit, Phase.BEGIN, Duration.ZERO);
    }

    public static DtmfFrame end(char digit, Duration duration) {
        return new DtmfFrame(digit, Phase.END, duration);
    }
}
