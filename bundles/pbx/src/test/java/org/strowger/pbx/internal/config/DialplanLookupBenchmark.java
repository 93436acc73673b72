package org.strowger.pbx.internal.config;

import java.util.List;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import org.strowger.pbx.internal.config.DialplanLookups.Kind;
import org.strowger.pbx.internal.config.DialplanLookups.Lookup;

/**
 * Dialplan lookups per second on one thread, on {@link DialplanGenerator#standard()} (100 contexts
 * × 100 extensions with includes). Each invocation runs a batch of {@value #BATCH} different
 * lookups, so the figure is lookups/s over a mix, not one hot key:
 * <ul>
 *   <li>{@code find}: {@link DialplanIndex#find} over the mix of {@link DialplanLookups#mix}
 *       (literal hits, pattern hits, hits through includes, misses, priority fall-through);</li>
 *   <li>{@code exists}: the same extensions at priority 1;</li>
 *   <li>{@code matchMore}: prefixes of them, as digit collection asks after every digit;</li>
 *   <li>{@code find_*}: {@code find} for one kind of lookup at a time.</li>
 * </ul>
 * Run by {@code benchmarks/dialplan.sh}; never by Surefire (the name does not end in Test).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@State(Scope.Thread)
@Threads(1)
@Fork(1)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class DialplanLookupBenchmark {

    static final int BATCH = 4096;
    private static final long SEED = 42;

    /** Lookups as parallel arrays, so the loop touches no list or record. */
    static final class Batch {
        final String[] contexts = new String[BATCH];
        final String[] extens = new String[BATCH];
        final int[] priorities = new int[BATCH];
        final String[] callerIds = new String[BATCH];

        Batch(List<Lookup> lookups) {
            for (int i = 0; i < BATCH; i++) {
                Lookup lookup = lookups.get(i);
                contexts[i] = lookup.context();
                extens[i] = lookup.exten();
                priorities[i] = lookup.priority();
                callerIds[i] = lookup.callerId();
            }
        }
    }

    private DialplanIndex index;
    private Batch mix;
    private Batch prefixes;
    private Batch literal;
    private Batch pattern;
    private Batch include;
    private Batch miss;
    private Batch fallThrough;

    @Setup
    public void load() {
        DialplanGenerator.Plan plan = DialplanGenerator.standard();
        index = DialplanIndex.of(ExtensionsConfParser.parse(plan.text(), "extensions.conf"));
        List<Lookup> mixed = DialplanLookups.mix(plan, SEED, BATCH);
        mix = new Batch(mixed);
        prefixes = new Batch(DialplanLookups.prefixes(mixed, SEED));
        literal = new Batch(DialplanLookups.only(Kind.LITERAL, plan, SEED, BATCH));
        pattern = new Batch(DialplanLookups.only(Kind.PATTERN, plan, SEED, BATCH));
        include = new Batch(DialplanLookups.only(Kind.INCLUDE, plan, SEED, BATCH));
        miss = new Batch(DialplanLookups.only(Kind.MISS, plan, SEED, BATCH));
        fallThrough = new Batch(DialplanLookups.only(Kind.FALL_THROUGH, plan, SEED, BATCH));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void find(Blackhole hole) {
        find(mix, hole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void exists(Blackhole hole) {
        Batch batch = mix;
        for (int i = 0; i < BATCH; i++) {
            hole.consume(index.exists(batch.contexts[i], batch.extens[i], batch.callerIds[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void matchMore(Blackhole hole) {
        Batch batch = prefixes;
        for (int i = 0; i < BATCH; i++) {
            hole.consume(index.matchMore(batch.contexts[i], batch.extens[i], batch.callerIds[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void find_literal(Blackhole hole) {
        find(literal, hole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void find_pattern(Blackhole hole) {
        find(pattern, hole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void find_include(Blackhole hole) {
        find(include, hole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void find_miss(Blackhole hole) {
        find(miss, hole);
    }

    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void find_fallThrough(Blackhole hole) {
        find(fallThrough, hole);
    }

    private void find(Batch batch, Blackhole hole) {
        for (int i = 0; i < BATCH; i++) {
            hole.consume(index.find(batch.contexts[i], batch.extens[i], batch.priorities[i], batch.callerIds[i]));
        }
    }
}
