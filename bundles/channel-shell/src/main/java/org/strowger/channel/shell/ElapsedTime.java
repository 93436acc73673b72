package org.strowger.channel.shell;

import java.time.Duration;
import java.time.Instant;

/** How long a channel has existed, as the console shows it. */
final class ElapsedTime {

    private ElapsedTime() {
    }

    /** {@code HH:MM:SS}; hours grow past two digits rather than wrap. */
    static String hoursMinutesSeconds(Instant since, Instant now) {
        long seconds = seconds(since, now);
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }

    /** Whole seconds, never negative: a creation time a little ahead of {@code now} counts as zero. */
    static long seconds(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).getSeconds());
    }
}
