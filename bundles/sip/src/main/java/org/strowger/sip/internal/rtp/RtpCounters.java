package org.strowger.sip.internal.rtp;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Packet counters of one session, each also added to its engine's totals. Incoming counts are
 * written by the IO thread, outgoing ones by whichever thread sends; reads may come from anywhere.
 */
final class RtpCounters {

    /** The engine-wide totals, shared by all sessions (hence adders, not atomics). */
    static final class Totals {
        final LongAdder in = new LongAdder();
        final LongAdder out = new LongAdder();
        final LongAdder lost = new LongAdder();
        final LongAdder lateOrDuplicate = new LongAdder();
        final LongAdder dropped = new LongAdder();
    }

    private final Totals totals;
    private final AtomicLong in = new AtomicLong();
    private final AtomicLong out = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong lateOrDuplicate = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();

    RtpCounters(Totals totals) {
        this.totals = totals;
    }

    void received() {
        in.incrementAndGet();
        totals.in.increment();
    }

    void sent() {
        out.incrementAndGet();
        totals.out.increment();
    }

    void lost(int packets) {
        lost.addAndGet(packets);
        totals.lost.add(packets);
    }

    void lateOrDuplicate() {
        lateOrDuplicate.incrementAndGet();
        totals.lateOrDuplicate.increment();
    }

    void dropped() {
        dropped.incrementAndGet();
        totals.dropped.increment();
    }

    RtpSessionStats snapshot() {
        return new RtpSessionStats(in.get(), out.get(), lost.get(), lateOrDuplicate.get(), dropped.get());
    }
}
