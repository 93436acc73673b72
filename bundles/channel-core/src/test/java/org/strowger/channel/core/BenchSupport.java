package org.strowger.channel.core;

import org.strowger.channel.lock.LockStatistics;

/** What the benchmarks share: the core under test and the sanity checks made after a run. */
final class BenchSupport {

    private BenchSupport() {
    }

    /**
     * A core as the targets define it: the {@link CoreFixture} with the lock-order
     * validator in production mode ({@code new CoreFixture(false)}), plus the {@link BenchDriver}.
     */
    static CoreFixture productionCore() {
        return productionCore(false);
    }

    /** The same, with a Bench driver whose fixup takes its pvt lock (see {@link BenchDriver}). */
    static CoreFixture productionCore(boolean lockingFixup) {
        CoreFixture fixture = new CoreFixture(false);
        BenchDriver.registerIn(fixture, lockingFixup);
        return fixture;
    }

    /**
     * Complains (on stderr, into the JMH log) when a run left channels behind or the validator saw
     * a lock-order violation: either would make the figures meaningless.
     */
    static void checkAfterRun(CoreFixture fixture, String benchmark) {
        int left = fixture.core.channelCount();
        // JMH may run this trial teardown while other threads still finish their iteration teardown
        for (int wait = 0; left != 0 && wait < 20; wait++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            left = fixture.core.channelCount();
        }
        LockStatistics locks = fixture.core.validator.statistics();
        if (left != 0) {
            System.err.println("WARNING " + benchmark + ": " + left + " channels left in the core after the run");
        }
        if (locks.violations() != 0) {
            System.err.println("WARNING " + benchmark + ": " + locks.violations() + " lock-order violations");
        }
        fixture.core.stop();
    }
}
