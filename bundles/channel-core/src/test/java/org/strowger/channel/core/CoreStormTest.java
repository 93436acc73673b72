package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.VoiceFrame;

/**
 * A storm over the core: 16 threads masquerade, rename, hang up, bridge, read and write random
 * channels of a shared pool for 30 s (system property {@code strowger.storm.seconds}; longer in
 * the benchmark profile), under the strict lock-order validator, with a deadlock watchdog.
 * Every half second all threads stop at a barrier and the contract's invariants are checked:
 * unique names bound to live channels only, one driver side per channel with itself as owner,
 * no driver side hung up twice, and as many zombies as successful masquerades.
 */
@Tag("storm")
class CoreStormTest {

    private static final int THREADS = 16;
    private static final int POOL = 48;
    private static final Duration ROUND = Duration.ofMillis(500);

    private final CoreFixture fixture = new CoreFixture(true);
    private final ChannelCore core = fixture.core;
    private final AtomicReferenceArray<Channel> pool = new AtomicReferenceArray<>(POOL);
    private final Set<Channel> everMade = ConcurrentHashMap.newKeySet();
    private final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
    private final AtomicLong masquerades = new AtomicLong();
    private final AtomicLong operations = new AtomicLong();
    private volatile boolean stop;

    @Test
    void sixteenThreadsOfMasqueradesRenamesHangupsBridgesAndFramesKeepTheContract() throws Exception {
        long seconds = Long.getLong("strowger.storm.seconds", 30);
        for (int i = 0; i < POOL; i++) {
            pool.set(i, make());
        }
        CyclicBarrier roundEnd = new CyclicBarrier(THREADS + 1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread worker = new Thread(() -> work(id, roundEnd), "storm-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        Watchdog watchdog = new Watchdog();
        watchdog.start();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        int rounds = 0;
        try {
            while (System.nanoTime() < deadline && unexpected.isEmpty() && watchdog.deadlock == null) {
                Thread.sleep(ROUND.toMillis());
                stop = true;
                roundEnd.await(30, TimeUnit.SECONDS); // all workers paused: check
                checkInvariants(rounds++);
                stop = false;
                roundEnd.await(30, TimeUnit.SECONDS); // resume
            }
        } catch (TimeoutException | BrokenBarrierException stuck) {
            throw new AssertionError("workers did not reach the barrier in 30 s: stuck?\n" + threadDump(), stuck);
        } finally {
            stop = true;
            watchdog.interrupt();
            for (Thread worker : workers) {
                worker.interrupt();
            }
            for (Thread worker : workers) {
                worker.join(10_000);
            }
        }
        assertThat(workers).as("workers ended").noneMatch(Thread::isAlive);

        assertThat(watchdog.deadlock).as("deadlock found by the watchdog").isNull();
        assertThat(unexpected).as("unexpected exceptions in workers").isEmpty();
        assertThat(core.validator.statistics().violations()).as("lock-order violations").isZero();
        assertThat(masquerades.get()).as("masquerades done").isPositive();
        assertThat(rounds).isPositive();

        for (Channel channel : core.channels()) {
            core.hangup(channel, HangupCause.NORMAL_CLEARING);
        }
        assertThat(core.channelCount()).isZero();
        assertThat(fixture.driver.sides).as("every driver side released exactly once")
                .allSatisfy(side -> assertThat(side.hangups).hasValue(1));
        System.out.printf("storm: %d s, %d rounds, %d operations, %d masquerades, %d channels made%n",
                seconds, rounds, operations.get(), masquerades.get(), everMade.size());
    }

    private void work(int id, CyclicBarrier roundEnd) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long n = 0;
        while (!Thread.currentThread().isInterrupted()) {
            if (stop) {
                try {
                    roundEnd.await(); // pause for the check
                    roundEnd.await(); // resume
                } catch (InterruptedException | BrokenBarrierException e) {
                    return;
                }
                continue;
            }
            int i = random.nextInt(POOL);
            int j = random.nextInt(POOL);
            Channel a = pool.get(i);
            Channel b = pool.get(j);
            try {
                switch (random.nextInt(10)) {
                    case 0, 1 -> {
                        core.masquerade(a, b);
                        masquerades.incrementAndGet();
                        pool.compareAndSet(j, b, make());
                    }
                    case 2 -> core.changeName(a, "Test/renamed-" + id + "-" + n);
                    case 3 -> {
                        core.hangup(a, HangupCause.NORMAL_CLEARING);
                        pool.compareAndSet(i, a, make());
                    }
                    case 4 -> {
                        Bridge bridge = core.bridge(a, b);
                        if (random.nextBoolean()) {
                            bridge.release();
                        }
                    }
                    case 5 -> a.read(Duration.ZERO);
                    case 6 -> fixture.sideOf(a).link.queueFrame(new VoiceFrame(Codec.ULAW, new byte[8], 8, n));
                    case 7 -> fixture.sideOf(a).link.queueFrame(DtmfFrame.end('5', Duration.ofMillis(40)));
                    case 8 -> a.write(new VoiceFrame(Codec.ALAW, new byte[8], 8, n));
                    default -> {
                        String name = a.name();
                        boolean deadBefore = a.isHungUp();
                        core.findByName(name).ifPresent(found -> {
                            if (found == a && deadBefore) {
                                unexpected.add(new AssertionError("lookup of " + name + " found a channel that was"
                                        + " already hung up"));
                            }
                        });
                    }
                }
            } catch (IllegalStateException refusal) {
                // a refused masquerade, rename or bridge: expected when threads collide
                if (refusal.getMessage() == null || refusal.getMessage().contains("refused:")) {
                    unexpected.add(refusal);
                }
            } catch (Throwable t) {
                unexpected.add(t);
            }
            if (a.isHungUp()) {
                pool.compareAndSet(i, a, make());
            }
            n++;
            operations.incrementAndGet();
        }
    }

    private Channel make() {
        Channel channel = fixture.request("storm");
        everMade.add(channel);
        return channel;
    }

    private void checkInvariants(int round) {
        assertThat(core.invariantViolations()).as("container invariants after round " + round).isEmpty();
        Map<String, Channel> byName = new ConcurrentHashMap<>();
        Map<TestDriver.Side, Channel> owners = new IdentityHashMap<>();
        for (Channel channel : core.channels()) {
            assertThat(byName.put(channel.name(), channel)).as("duplicate name " + channel.name()).isNull();
            TestDriver.Side side = fixture.sideOf(channel);
            assertThat(owners.put(side, channel)).as("one driver side shared by two channels").isNull();
            assertThat(side.owner).as("driver's own owner pointer of " + channel.name()).isSameAs(channel);
            assertThat(side.hangups).as("live channel's driver side").hasValue(0);
        }
        assertThat(fixture.driver.sides).allSatisfy(side -> assertThat(side.hangups.get()).isLessThanOrEqualTo(1));
        long zombies = everMade.stream().filter(Channel::isZombie).count();
        assertThat(zombies).as("exactly one zombie per masquerade").isEqualTo(masquerades.get());
    }

    private static String threadDump() {
        StringBuilder dump = new StringBuilder();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(true, true)) {
            dump.append(info);
        }
        return dump.toString();
    }

    /** Looks for deadlocked threads every second. */
    private static final class Watchdog extends Thread {
        volatile String deadlock;

        Watchdog() {
            super("storm-watchdog");
            setDaemon(true);
        }

        @Override
        public void run() {
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            while (!isInterrupted()) {
                long[] ids = threads.findDeadlockedThreads();
                if (ids != null) {
                    StringBuilder found = new StringBuilder();
                    for (ThreadInfo info : threads.getThreadInfo(ids, true, true)) {
                        found.append(info);
                    }
                    deadlock = found.toString();
                    return;
                }
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
