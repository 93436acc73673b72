package org.strowger.sip.internal.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The highest nonce count seen per nonce, so a captured request cannot be replayed (RFC 7616
 * §3.4: the server should refuse a repeated nc). Bounded: beyond the capacity the least recently
 * used nonce is forgotten, which at worst lets a very old nonce be replayed until it goes stale.
 */
final class NonceCountTracker {

    private final Map<String, Long> highestCount;

    NonceCountTracker(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.highestCount = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Records {@code count} for {@code nonce} if it is higher than any seen before.
     *
     * @return false if it is not, i.e. the request is a replay
     */
    synchronized boolean advance(String nonce, long count) {
        Long previous = highestCount.get(nonce);
        if (previous != null && count <= previous) {
            return false;
        }
        highestCount.put(nonce, count);
        return true;
    }

    synchronized int size() {
        return highestCount.size();
    }
}
