package org.strowger.channel.core;

import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;

/**
 * Masquerade throughput, the steady way: every operation makes its own pair, so the core's size
 * stays flat. All in ops/s, with the validator in production mode.
 *
 * <ul>
 * <li>{@code cycle}: request 2 channels, masquerade them, hang up the survivor (the clone is left
 *     a zombie, already out of the container) — one masquerade per operation;</li>
 * <li>{@code baseline}: request 2 channels and hang both up, the same work without the swap; the
 *     masquerade alone costs about {@code 1/cycle - 1/baseline + one hangup} (a masquerade also
 *     replaces one of the two hangups). {@link BenchMasqueradeBatch} measures it directly;</li>
 * <li>{@code cycle16}: {@code cycle} on 16 threads, each on its own pairs (the container, the
 *     name sequences and the registry are shared);</li>
 * <li>{@code overlapping16}: 16 threads masquerade random pairs out of 64 shared live channels;
 *     a thread that wins replaces the zombie with a new channel. Every attempt counts as an
 *     operation; {@code successes} and {@code refusals} (busy, zombie) are reported apart.</li>
 * </ul>
 *
 * <p>Forks log at ERROR only: every refusal is logged at WARN by the core, which under contention
 * would fill the output and measure the console. {@code -p lockingFixup=true} uses a driver whose
 * fixup takes its pvt lock (see {@link BenchDriver}); do not combine it with the 16-thread
 * benchmarks, which then deadlock.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error"})
@State(Scope.Benchmark)
public class BenchMasquerade {

    static final int POOL = 64;

    /** Whether the driver's fixup takes its pvt lock; true hits the production-mode validator bug (see BenchDriver). */
    @Param({"false"})
    public boolean lockingFixup;

    CoreFixture fixture;

    @Setup(Level.Trial)
    public void makeCore() {
        fixture = BenchSupport.productionCore(lockingFixup);
    }

    @TearDown(Level.Trial)
    public void checkCore(BenchmarkParams params) {
        BenchSupport.checkAfterRun(fixture, params.getBenchmark());
    }

    private Channel masqueradeFreshPair() {
        Channel original = BenchDriver.request(fixture, "Bench/original");
        Channel clone = BenchDriver.request(fixture, "Bench/clone");
        fixture.core.masquerade(original, clone);
        fixture.core.hangup(original, HangupCause.NORMAL_CLEARING);
        return original;
    }

    @Benchmark
    @Threads(1)
    public Channel cycle() {
        return masqueradeFreshPair();
    }

    @Benchmark
    @Threads(16)
    public Channel cycle16() {
        return masqueradeFreshPair();
    }

    @Benchmark
    @Threads(1)
    public Channel baseline() {
        Channel original = BenchDriver.request(fixture, "Bench/original");
        Channel clone = BenchDriver.request(fixture, "Bench/clone");
        fixture.core.hangup(original, HangupCause.NORMAL_CLEARING);
        fixture.core.hangup(clone, HangupCause.NORMAL_CLEARING);
        return clone;
    }

    /** 64 live channels that the 16 threads of {@code overlapping16} fight over. */
    @State(Scope.Benchmark)
    public static class Pool {
        final AtomicReferenceArray<Channel> slots = new AtomicReferenceArray<>(POOL);

        @Setup(Level.Iteration)
        public void fill(BenchMasquerade bench) {
            for (int i = 0; i < POOL; i++) {
                slots.set(i, BenchDriver.request(bench.fixture, "Bench/pool"));
            }
        }

        @TearDown(Level.Iteration)
        public void empty(BenchMasquerade bench) {
            for (int i = 0; i < POOL; i++) {
                bench.fixture.core.hangup(slots.get(i), HangupCause.NORMAL_CLEARING);
            }
        }
    }

    /** Per-thread outcome counts, reported by JMH as rates next to the attempts. */
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    @State(Scope.Thread)
    public static class Outcomes {
        public long successes;
        public long refusals;

        @Setup(Level.Iteration)
        public void reset() {
            successes = 0;
            refusals = 0;
        }
    }

    @Benchmark
    @Threads(16)
    public void overlapping16(Pool pool, Outcomes outcomes) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int i = random.nextInt(POOL);
        int j = random.nextInt(POOL - 1);
        if (j >= i) {
            j++;
        }
        Channel original = pool.slots.get(i);
        Channel clone = pool.slots.get(j);
        try {
            fixture.core.masquerade(original, clone);
        } catch (IllegalStateException refused) {
            outcomes.refusals++;
            return;
        }
        outcomes.successes++;
        // only the winner of this clone replaces it: a zombie is never swapped twice
        if (!pool.slots.compareAndSet(j, clone, BenchDriver.request(fixture, "Bench/pool"))) {
            throw new AssertionError("slot " + j + " changed under a masquerade's winner");
        }
    }
}
