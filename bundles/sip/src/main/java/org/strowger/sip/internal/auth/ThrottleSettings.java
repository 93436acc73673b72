package org.strowger.sip.internal.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link AuthFailureThrottle} reacts: {@code maxFailures} within {@code window} block a
 * source for {@code blockFor}; at most {@code maxTrackedSources} sources are remembered.
 */
public record ThrottleSettings(int maxFailures, Duration window, Duration blockFor, int maxTrackedSources) {

    public static final int DEFAULT_MAX_FAILURES = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_BLOCK_FOR = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_TRACKED_SOURCES = 10_000;

    public ThrottleSettings {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(blockFor, "blockFor");
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
        }
        if (window.isNegative() || window.isZero() || blockFor.isNegative() || blockFor.isZero()) {
            throw new IllegalArgumentException("window and blockFor must be positive");
        }
        if (maxTrackedSources < 1) {
            throw new IllegalArgumentException("maxTrackedSources must be positive: " + maxTrackedSources);
        }
    }

    /** Five failures in 60 s block a source for 60 s; 10,000 sources remembered. */
    public static ThrottleSettings defaults() {
        return new ThrottleSettings(
                DEFAULT_MAX_FAILURES, DEFAULT_WINDOW, DEFAULT_BLOCK_FOR, DEFAULT_MAX_TRACKED_SOURCES);
    }
}
