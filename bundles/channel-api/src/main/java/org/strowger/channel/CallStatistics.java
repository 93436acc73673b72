package org.strowger.channel;

import java.time.Instant;
import java.util.Objects;

/**
 * What the channel core has counted about calls since it started: a call here is a bridge of
 * two channels, as Asterisk's "calls processed" counts them.
 *
 * @param startedAt when the core started
 * @param activeBridges bridges up now
 * @param bridgesMade bridges made since the core started, ended ones included
 * @since 0.3
 */
public record CallStatistics(Instant startedAt, int activeBridges, long bridgesMade) {

    public CallStatistics {
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
