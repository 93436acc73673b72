package org.strowger.transfer.internal;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;
import org.strowger.transfer.FeatureSettings;

/**
 * Figures for {@code benchmarks/transfer.sh}: how fast the transfer service moves calls over the
 * real channel core (validator in production mode, test phones as drivers), how quickly a keyed
 * transfer starts once the last digit is in, and the heap a parked call costs. Plain timing with
 * a warm-up, one thread; not run by Surefire (no Test suffix).
 */
public final class TransferBenchmark {

    private TransferBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int parked = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        System.out.printf(Locale.ROOT, "Transfer benchmark: %d rounds per figure, %d parked calls, %d cores%n",
                rounds, parked, Runtime.getRuntime().availableProcessors());
        report("blind transfers/s (call set up, transferred, cleared)", rounds, TransferBenchmark::blind);
        report("attended transfers/s (4 channels, REFER/Replaces case)", rounds, TransferBenchmark::attended);
        report("park + retrieve/s", rounds, TransferBenchmark::parkAndRetrieve);
        keyedLatency(Math.max(200, rounds / 20));
        heapPerParkedCall(parked);
    }

    private interface Round {
        void run(TransferFixture fixture, int round) throws Exception;
    }

    private static void report(String what, int rounds, Round round) throws Exception {
        try (TransferFixture fixture = new TransferFixture(settings(720), false)) {
            for (int i = 0; i < rounds / 4; i++) {
                round.run(fixture, i);
            }
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                round.run(fixture, i);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf(Locale.ROOT, "  %-58s %,10.0f%n", what, rounds / seconds);
            fixture.phones.phones.clear();
        }
    }

    private static void blind(TransferFixture fixture, int round) {
        Bridge call = fixture.call("a", "b", "", "");
        if (!fixture.transfers.blindTransfer(call.first(), "103", "internal").completed()) {
            throw new AssertionError("blind transfer failed");
        }
        clear(fixture);
    }

    private static void attended(TransferFixture fixture, int round) {
        Bridge one = fixture.call("a", "b", "", "");
        Bridge two = fixture.call("a2", "c", "", "");
        if (!fixture.transfers.attendedTransfer(one.first(), two.first()).completed()) {
            throw new AssertionError("attended transfer failed");
        }
        clear(fixture);
    }

    private static void parkAndRetrieve(TransferFixture fixture, int round) {
        Bridge call = fixture.call("a", "b", "", "");
        if (!fixture.transfers.park(call.second(), null).completed()) {
            throw new AssertionError("park failed");
        }
        int slot = fixture.transfers.parkedCalls().get(0).slot();
        Channel back = fixture.transfers.parking().retrieve(slot).orElseThrow();
        fixture.channels.hangup(back, HangupCause.NORMAL_CLEARING);
        clear(fixture);
    }

    private static void clear(TransferFixture fixture) {
        for (Channel channel : fixture.channels.channels()) {
            fixture.channels.hangup(channel, HangupCause.NORMAL_CLEARING);
        }
        fixture.pbx.started.clear();
        fixture.phones.phones.clear();
    }

    /** From the last key of "#1103" to the transferee entering the dialplan. */
    private static void keyedLatency(int rounds) throws Exception {
        try (TransferFixture fixture = new TransferFixture(settings(720), false)) {
            long[] micros = new long[rounds];
            for (int i = -rounds / 4; i < rounds; i++) {
                fixture.call("a", "b", "", "t");
                Phone bob = fixture.phone("b");
                long start = System.nanoTime();
                bob.press("#1103");
                long pressed = System.nanoTime();
                while (fixture.pbx.started.isEmpty()) {
                    Thread.onSpinWait();
                    if (System.nanoTime() - start > 5_000_000_000L) {
                        throw new AssertionError("keyed transfer did not happen");
                    }
                }
                if (i >= 0) {
                    micros[i] = (System.nanoTime() - pressed) / 1000;
                }
                while (fixture.transfers.statistics().inProgress() > 0) {
                    Thread.onSpinWait();
                }
                clear(fixture);
            }
            Arrays.sort(micros);
            System.out.printf(Locale.ROOT, "  %-58s %,7d µs median, %,d µs p99%n",
                    "keyed blind transfer #1103, last key -> dialplan", micros[rounds / 2],
                    micros[(int) (rounds * 0.99)]);
        }
    }

    /** Heap of calls waiting in the parking lot (each: the parked channel, its hold partner, their bridge, a timer). */
    private static void heapPerParkedCall(int count) throws Exception {
        try (TransferFixture fixture = new TransferFixture(settings(count), false)) {
            List<Bridge> calls = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                calls.add(fixture.call("a" + i, "b" + i, "", ""));
            }
            // the parkers hang up (as they would after the announcement); what stays is the lot
            long before = usedHeap();
            for (Bridge call : calls) {
                if (!fixture.transfers.park(call.second(), null).completed()) {
                    throw new AssertionError("park failed");
                }
            }
            for (Bridge call : calls) {
                fixture.channels.hangup(call.first(), HangupCause.NORMAL_CLEARING);
            }
            calls.clear();
            long after = usedHeap();
            int inLot = fixture.transfers.parkedCalls().size();
            System.out.printf(Locale.ROOT, "  %-58s %,10d (%d parked; threads %d)%n", "heap parking adds per call (bytes; channel not counted)",
                    (after - before) / Math.max(1, inLot), inLot, ManagementFactory.getThreadMXBean().getThreadCount());
        }
    }

    private static long usedHeap() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static FeatureSettings settings(int slots) {
        return new FeatureSettings("#1", "*2", "*0", "#72", Duration.ofMillis(1000), Duration.ofSeconds(3),
                Duration.ofSeconds(15), Duration.ofSeconds(10), 2, false, "700", 1, slots, "parkedcalls",
                Duration.ofHours(1), true);
    }
}
