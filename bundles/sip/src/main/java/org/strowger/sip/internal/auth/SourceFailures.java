package org.strowger.sip.internal.auth;

import java.util.ArrayDeque;

/**
 * Recent failures of one source, in a sliding window, and its block if any. Holds at most
 * {@code maxFailures} timestamps, because reaching that many blocks the source and starts over.
 */
final class SourceFailures {

    private final ArrayDeque<Long> failureTimes = new ArrayDeque<>();
    private long blockedUntil = Long.MIN_VALUE;
    private long lastActivity;

    SourceFailures(long now) {
        this.lastActivity = now;
    }

    /** Counts a failure at {@code now}; returns the number in the window, or -1 if already blocked. */
    synchronized int recordFailure(long now, ThrottleSettings settings) {
        lastActivity = now;
        if (now < blockedUntil) {
            return -1;
        }
        forgetOlderThanWindow(now, settings);
        failureTimes.addLast(now);
        int failures = failureTimes.size();
        if (failures >= settings.maxFailures()) {
            failureTimes.clear(); // after the block the source starts with a clean slate
            blockedUntil = now + settings.blockFor().toMillis();
        }
        return failures;
    }

    synchronized boolean isBlocked(long now) {
        return now < blockedUntil;
    }

    /** Neither blocked nor with failures in the window: remembering it changes nothing. */
    synchronized boolean isForgettable(long now, ThrottleSettings settings) {
        forgetOlderThanWindow(now, settings);
        return !isBlocked(now) && failureTimes.isEmpty();
    }

    synchronized long lastActivity() {
        return lastActivity;
    }

    private void forgetOlderThanWindow(long now, ThrottleSettings settings) {
        long windowMillis = settings.window().toMillis();
        while (!failureTimes.isEmpty() && now - failureTimes.peekFirst() >= windowMillis) {
            failureTimes.pollFirst();
        }
    }
}
