package org.strowger.sip.internal.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.sip.internal.rtp.SequenceTracker.Verdict.GAP;
import static org.strowger.sip.internal.rtp.SequenceTracker.Verdict.LATE_OR_DUPLICATE;
import static org.strowger.sip.internal.rtp.SequenceTracker.Verdict.NEXT;
import static org.strowger.sip.internal.rtp.SequenceTracker.Verdict.RESYNC;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {

    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void inOrderPacketsFollowTheFirst() {
        assertThat(tracker.accept(1, 100)).isEqualTo(RESYNC);
        assertThat(tracker.accept(1, 101)).isEqualTo(NEXT);
        assertThat(tracker.accept(1, 102)).isEqualTo(NEXT);
    }

    @Test
    void aGapCountsTheMissingPackets() {
        tracker.accept(1, 100);

        assertThat(tracker.accept(1, 103)).isEqualTo(GAP);
        assertThat(tracker.lastGap()).isEqualTo(2);
        assertThat(tracker.accept(1, 104)).isEqualTo(NEXT);
    }

    @Test
    void latePacketsAndDuplicatesAreRecognised() {
        tracker.accept(1, 100);
        tracker.accept(1, 102);

        assertThat(tracker.accept(1, 101)).isEqualTo(LATE_OR_DUPLICATE);
        assertThat(tracker.accept(1, 102)).isEqualTo(LATE_OR_DUPLICATE);
        assertThat(tracker.accept(1, 103)).isEqualTo(NEXT);
    }

    @Test
    void sequenceNumbersWrapAround() {
        tracker.accept(1, 65534);

        assertThat(tracker.accept(1, 65535)).isEqualTo(NEXT);
        assertThat(tracker.accept(1, 0)).isEqualTo(NEXT);
        assertThat(tracker.accept(1, 2)).isEqualTo(GAP);
        assertThat(tracker.lastGap()).isEqualTo(1);
    }

    @Test
    void aNewSourceOrAHugeJumpStartsOverWithoutLoss() {
        tracker.accept(1, 100);

        assertThat(tracker.accept(2, 5000)).isEqualTo(RESYNC);
        assertThat(tracker.accept(2, 5001)).isEqualTo(NEXT);
        assertThat(tracker.accept(2, 40000)).isEqualTo(RESYNC);
        assertThat(tracker.accept(2, 40001)).isEqualTo(NEXT);
    }
}
