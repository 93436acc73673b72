package org.strowger.transfer.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.strowger.transfer.TransferStatistics;

/** Counters for {@code transfer:stats}; lock-free, updated wherever an outcome is known. */
public final class Statistics {

    /** What completed. */
    public enum Kind { BLIND, ATTENDED, PARKED, RETRIEVED, PARK_TIMEOUT, PICKUP }

    private final AtomicLong blind = new AtomicLong();
    private final AtomicLong attended = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong retrieved = new AtomicLong();
    private final AtomicLong parkTimeouts = new AtomicLong();
    private final AtomicLong pickups = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong featureCodes = new AtomicLong();
    private final AtomicInteger inProgress = new AtomicInteger();

    public void completed(Kind kind) {
        switch (kind) {
            case BLIND -> blind.incrementAndGet();
            case ATTENDED -> attended.incrementAndGet();
            case PARKED -> parked.incrementAndGet();
            case RETRIEVED -> retrieved.incrementAndGet();
            case PARK_TIMEOUT -> parkTimeouts.incrementAndGet();
            case PICKUP -> pickups.incrementAndGet();
        }
    }

    public void failed() {
        failed.incrementAndGet();
    }

    public void featureCode() {
        featureCodes.incrementAndGet();
    }

    public void started() {
        inProgress.incrementAndGet();
    }

    public void finished() {
        inProgress.decrementAndGet();
    }

    public TransferStatistics snapshot() {
        return new TransferStatistics(blind.get(), attended.get(), parked.get(), retrieved.get(), parkTimeouts.get(),
                pickups.get(), failed.get(), featureCodes.get(), inProgress.get());
    }
}
