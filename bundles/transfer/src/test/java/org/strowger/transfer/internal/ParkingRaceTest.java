package org.strowger.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.bridge.Bridge;
import org.strowger.transfer.ParkedCall;
import org.strowger.transfer.TransferStatistics;

/**
 * A parked call leaves the lot exactly once, however its party hanging up, a retrieve and its
 * parking time running out race: at most one of retrieve and timeout counts, the slot is free
 * afterwards, every channel is gone once the winner is done, and each driver side is hung up
 * exactly once. A round that does not finish in 5 s fails with every thread's stack (a deadlock).
 */
class ParkingRaceTest {

    private static final int ROUNDS = 200;
    private final ExecutorService racers = Executors.newCachedThreadPool();
    private final ExecutorService watchdog = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        racers.shutdownNow();
        watchdog.shutdownNow();
    }

    @Test
    void aParkedPartyHangingUpWhileItIsRetrievedLeavesTheLotOnce() throws Exception {
        try (TransferFixture fx = new TransferFixture(ParkingTest.lot(701, 720, Duration.ofMinutes(5), true,
                Duration.ofSeconds(5)))) {
            int retrieved = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int n = round;
                retrieved += withinFiveSeconds("hangup/retrieve round " + n, () -> round(fx, n, false)) ? 1 : 0;
            }
            System.out.printf("hangup vs retrieve: retrieve won %d of %d rounds%n", retrieved, ROUNDS);
        }
    }

    @Test
    void aParkedCallTimingOutWhileItIsRetrievedAndHungUpLeavesTheLotOnce() throws Exception {
        try (TransferFixture fx = new TransferFixture(ParkingTest.lot(701, 720, Duration.ofMillis(40), false,
                Duration.ofSeconds(5)))) {
            int retrieved = 0;
            for (int round = 0; round < ROUNDS; round++) {
                int n = round;
                retrieved += withinFiveSeconds("timeout/hangup/retrieve round " + n, () -> round(fx, n, true)) ? 1 : 0;
            }
            System.out.printf("timeout vs hangup vs retrieve: retrieve won %d of %d rounds%n", retrieved, ROUNDS);
        }
    }

    /** One park and the race; true when retrieve got the call. */
    private boolean round(TransferFixture fx, int n, boolean nearTimeout) throws Exception {
        String parker = "a" + n;
        String parkee = "b" + n;
        Bridge call = fx.call(parker, parkee, "", "");
        assertThat(fx.transfers.park(call.second(), call.first()).completed()).isTrue();
        Phone parkeePhone = fx.phone(parkee);
        until(() -> fx.phone(parker).isReleased());
        TransferStatistics before = fx.transfers.statistics();
        List<ParkedCall> lot = fx.transfers.parkedCalls();
        if (lot.isEmpty()) {
            // on a loaded machine the 40 ms parking time ran out before the race could start: nothing to race
            until(() -> fx.liveChannels().isEmpty());
            assertThat(fx.transfers.statistics().parkTimeouts()).isPositive();
            return false;
        }
        ParkedCall parked = lot.get(0);

        if (nearTimeout) {
            // start the race within a couple of milliseconds of the parking time running out
            Instant start = parked.timesOutAt().minusNanos(ThreadLocalRandom.current().nextLong(3_000_000));
            long wait = Duration.between(Instant.now(), start).toNanos();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
        }
        CountDownLatch go = new CountDownLatch(1);
        Future<?> hangup = racers.submit(() -> {
            go.await();
            parkeePhone.hangUpFromFarEnd();
            return null;
        });
        Future<Optional<Channel>> retrieve = racers.submit(() -> {
            go.await();
            return fx.transfers.parking().retrieve(parked.slot());
        });
        go.countDown();
        hangup.get();
        Optional<Channel> got = retrieve.get();
        // the retriever owns what it got; a caller that cannot bridge it hangs it up
        got.ifPresent(channel -> fx.transfers.moves().hangUp(channel));

        until(() -> fx.liveChannels().isEmpty() && fx.transfers.parkedCalls().isEmpty());
        TransferStatistics after = fx.transfers.statistics();
        long retrievedDelta = after.retrieved() - before.retrieved();
        long timeoutDelta = after.parkTimeouts() - before.parkTimeouts();
        assertThat(retrievedDelta).as("RETRIEVED counted iff retrieve returned the call").isEqualTo(got.isPresent() ? 1 : 0);
        assertThat(retrievedDelta + timeoutDelta).as("retrieve and timeout both won").isLessThanOrEqualTo(1);
        assertThat(parkeePhone.hangups.get()).as("the parked phone is hung up exactly once").isEqualTo(1);
        assertThat(fx.core.invariantViolations()).isEmpty();
        return got.isPresent();
    }

    private <T> T withinFiveSeconds(String what, Callable<T> round) throws Exception {
        Future<T> result = watchdog.submit(round);
        try {
            return result.get(5, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            StringBuilder dump = new StringBuilder();
            for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
                dump.append(info);
            }
            System.err.println(dump);
            result.cancel(true);
            return fail(what + " did not finish in 5 s (deadlock?); thread dump printed");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    private static void until(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(4);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met in 4 s");
            }
            LockSupport.parkNanos(200_000);
        }
    }
}
