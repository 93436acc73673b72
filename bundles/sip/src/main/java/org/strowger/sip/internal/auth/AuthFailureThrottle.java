package org.strowger.sip.internal.auth;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stops password guessing: a source with too many authentication failures in a sliding window
 * is blocked for a while, and the driver answers it with 403 without computing any digest.
 * Thread-safe; memory is bounded by {@link ThrottleSettings#maxTrackedSources()}.
 *
 * <p>When the cap is exceeded, sources that carry no information (no recent failures, not
 * blocked) are forgotten first, then the least recently active, down to 90% of the cap so the
 * cost of a sweep is shared by many later insertions. A flood of spoofed sources can therefore
 * push a blocked source out early; the cap only guarantees the memory bound.
 */
public final class AuthFailureThrottle {

    private static final int MAX_USER_CHARS = 64;

    private final Clock clock;
    private final ThrottleSettings settings;
    private final Map<InetAddress, SourceFailures> sources = new ConcurrentHashMap<>();
    private final Object sweepLock = new Object();

    public AuthFailureThrottle(Clock clock) {
        this(clock, ThrottleSettings.defaults());
    }

    public AuthFailureThrottle(Clock clock, ThrottleSettings settings) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** Whether requests from {@code source} should be refused without looking at them. */
    public boolean isBlocked(InetAddress source) {
        SourceFailures failures = sources.get(source);
        return failures != null && failures.isBlocked(clock.millis());
    }

    /**
     * Counts a failed authentication from {@code source}.
     *
     * @param endpointOrUser who it claimed to be, for the log line only; may be null
     * @return whether the source just became blocked (log {@link FailureOutcome#warning()} then,
     *         once per block) or is blocked at all
     */
    public FailureOutcome recordFailure(InetAddress source, String endpointOrUser) {
        Objects.requireNonNull(source, "source");
        long now = clock.millis();
        SourceFailures failures = sources.computeIfAbsent(source, key -> new SourceFailures(now));
        int count = failures.recordFailure(now, settings);
        if (sources.size() > settings.maxTrackedSources()) {
            sweep(now);
        }
        if (count < 0) {
            return FailureOutcome.alreadyBlocked();
        }
        if (count >= settings.maxFailures()) {
            return FailureOutcome.nowBlocked(count, warning(count, source, endpointOrUser));
        }
        return FailureOutcome.counted(count);
    }

    /** A successful authentication: the source's failures (and any block) are forgotten. */
    public void recordSuccess(InetAddress source) {
        sources.remove(source);
    }

    /** How many sources are remembered now. */
    public int trackedSources() {
        return sources.size();
    }

    private void sweep(long now) {
        synchronized (sweepLock) {
            int cap = settings.maxTrackedSources();
            if (sources.size() <= cap) {
                return; // another thread swept meanwhile
            }
            sources.values().removeIf(failures -> failures.isForgettable(now, settings));
            int target = cap - cap / 10;
            int excess = sources.size() - target;
            if (excess <= 0) {
                return;
            }
            List<Map.Entry<InetAddress, Long>> byActivity = new ArrayList<>(sources.size());
            sources.forEach((address, failures) -> byActivity.add(Map.entry(address, failures.lastActivity())));
            byActivity.sort(Map.Entry.comparingByValue(Comparator.naturalOrder()));
            for (int i = 0; i < excess && i < byActivity.size(); i++) {
                sources.remove(byActivity.get(i).getKey());
            }
        }
    }

    private String warning(int count, InetAddress source, String endpointOrUser) {
        String user = endpointOrUser == null
                ? "unknown"
                : "'" + LogText.printable(endpointOrUser, MAX_USER_CHARS) + "'";
        return count + " authentication failures from " + source.getHostAddress() + " (last user " + user
                + ") in " + seconds(settings.window()) + ": ignoring it for " + seconds(settings.blockFor());
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
