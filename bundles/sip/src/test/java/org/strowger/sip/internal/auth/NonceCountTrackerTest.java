package org.strowger.sip.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NonceCountTrackerTest {

    @Test
    void acceptsOnlyRisingCountsPerNonce() {
        NonceCountTracker tracker = new NonceCountTracker(10);

        assertThat(tracker.advance("n1", 1)).isTrue();
        assertThat(tracker.advance("n1", 1)).isFalse();
        assertThat(tracker.advance("n1", 3)).isTrue();
        assertThat(tracker.advance("n1", 2)).isFalse();
        assertThat(tracker.advance("n2", 1)).isTrue();
    }

    @Test
    void forgetsTheLeastRecentlyUsedNonceBeyondItsCapacity() {
        NonceCountTracker tracker = new NonceCountTracker(2);
        tracker.advance("old", 1);
        tracker.advance("kept", 1);
        tracker.advance("kept", 2); // used again, so "old" is now the eldest
        tracker.advance("new", 1);

        assertThat(tracker.size()).isEqualTo(2);
        assertThat(tracker.advance("kept", 2)).isFalse();
        assertThat(tracker.advance("old", 1)).isTrue(); // forgotten, so accepted again
    }
}
