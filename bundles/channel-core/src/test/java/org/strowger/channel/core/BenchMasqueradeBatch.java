package org.strowger.channel.core;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;

/**
 * The masquerade alone, setup excluded: before each iteration every thread requests a batch of
 * channel pairs (untimed); the iteration then times exactly one masquerade per pair
 * (single-shot mode, batch size = pairs per thread), and the survivors are hung up after it,
 * untimed. JMH does not synchronise the threads of a single-shot benchmark, so the threads wait
 * for each other at the end of their setup, the setup's garbage is collected once, and all start
 * their batch together. The score is the mean time of one thread's whole batch, so
 * {@code masquerades/s = threads x batch size / score} (with 16 threads on 2 cores every thread's
 * time spans nearly the whole run, so this is close to the aggregate rate, slightly above it);
 * benchmarks/channel-core.sh does the division and runs {@code masquerade} with 50,000 pairs,
 * {@code masquerade16} with 5,000 per thread ({@code -bs}). Pairs of one thread are its own; the
 * container, the validator and the name sequences are shared.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 10, batchSize = BenchMasqueradeBatch.DEFAULT_BATCH)
@Measurement(iterations = 8, batchSize = BenchMasqueradeBatch.DEFAULT_BATCH)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=error"})
@State(Scope.Benchmark)
public class BenchMasqueradeBatch {

    static final int DEFAULT_BATCH = 10_000;

    CoreFixture fixture;
    /** All threads finish their setup here; the last one in collects the setup's garbage, then all start together. */
    CyclicBarrier ready;

    @Setup(Level.Trial)
    public void makeCore(BenchmarkParams params) {
        fixture = BenchSupport.productionCore();
        ready = new CyclicBarrier(params.getThreads(), System::gc);
    }

    @TearDown(Level.Trial)
    public void checkCore(BenchmarkParams params) {
        BenchSupport.checkAfterRun(fixture, params.getBenchmark());
    }

    /** One thread's prepared pairs, consumed one per benchmark call. */
    @State(Scope.Thread)
    public static class Pairs {
        Channel[] originals = new Channel[0];
        Channel[] clones = new Channel[0];
        int next;

        @Setup(Level.Iteration)
        public void prepare(BenchMasqueradeBatch bench, IterationParams iteration) {
            int size = iteration.getBatchSize();
            originals = new Channel[size];
            clones = new Channel[size];
            for (int i = 0; i < size; i++) {
                originals[i] = BenchDriver.request(bench.fixture, "Bench/original");
                clones[i] = BenchDriver.request(bench.fixture, "Bench/clone");
            }
            next = 0;
            try {
                bench.ready.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
                throw new IllegalStateException("threads did not all get their pairs ready", e);
            }
        }

        @TearDown(Level.Iteration)
        public void hangUpSurvivors(BenchMasqueradeBatch bench) {
            if (next != originals.length) {
                throw new IllegalStateException("the iteration used " + next + " of " + originals.length + " pairs");
            }
            for (Channel original : originals) {
                bench.fixture.core.hangup(original, HangupCause.NORMAL_CLEARING);
            }
            originals = new Channel[0];
            clones = new Channel[0];
        }
    }

    private void masqueradeNext(Pairs pairs) {
        int i = pairs.next++;
        fixture.core.masquerade(pairs.originals[i], pairs.clones[i]);
    }

    @Benchmark
    @Threads(1)
    public void masquerade(Pairs pairs) {
        masqueradeNext(pairs);
    }

    @Benchmark
    @Threads(16)
    public void masquerade16(Pairs pairs) {
        masqueradeNext(pairs);
    }
}
