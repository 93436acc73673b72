package org.strowger.sip.internal.rtp;

/**
 * Follows the sequence numbers of one incoming stream to count losses and to spot packets that
 * arrive late or twice (which we drop: without a jitter buffer they can only be played out of
 * order). Used on the IO thread only.
 */
final class SequenceTracker {

    /** What a packet's sequence number says about it. */
    enum Verdict {
        /** The first packet of a (new) source, or numbering restarted: no loss counted. */
        RESYNC,
        /** The packet expected next. */
        NEXT,
        /** Newer than expected: {@link #lastGap()} packets went missing. */
        GAP,
        /** Older than expected: reordered or duplicated. */
        LATE_OR_DUPLICATE
    }

    /** Jumps beyond these (as RFC 3550 appendix A.1 suggests) mean the sender restarted. */
    private static final int MAX_DROPOUT = 3000;
    private static final int MAX_MISORDER = 100;

    private boolean started;
    private long ssrc;
    private int expected;
    private int lastGap;

    Verdict accept(long packetSsrc, int sequence) {
        if (!started || packetSsrc != ssrc) {
            started = true;
            ssrc = packetSsrc;
            expected = (sequence + 1) & 0xFFFF;
            return Verdict.RESYNC;
        }
        int delta = (short) (sequence - expected);
        if (delta == 0) {
            expected = (sequence + 1) & 0xFFFF;
            return Verdict.NEXT;
        }
        if (delta > 0 && delta < MAX_DROPOUT) {
            lastGap = delta;
            expected = (sequence + 1) & 0xFFFF;
            return Verdict.GAP;
        }
        if (delta < 0 && delta >= -MAX_MISORDER) {
            return Verdict.LATE_OR_DUPLICATE;
        }
        expected = (sequence + 1) & 0xFFFF;
        return Verdict.RESYNC;
    }

    /** How many packets the last {@link Verdict#GAP} skipped. */
    int lastGap() {
        return lastGap;
    }
}
