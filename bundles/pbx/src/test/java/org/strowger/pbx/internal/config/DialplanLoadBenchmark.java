package org.strowger.pbx.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.strowger.pbx.internal.config.DialplanLookups.Lookup;

/**
 * Times loading and reloading the benchmark dialplan ({@link DialplanGenerator#standard()}, written
 * to a file): parse ({@link ExtensionsConfParser#parse(Path)}), index ({@link DialplanIndex#of}) and
 * the shadowing check that {@code dialplan reload} also runs. Prints one {@code key: value} line per
 * figure; times are the median of the measured runs, after warm-up runs, in a JVM of its own. Each
 * run starts after a {@code System.gc()}, so that it pays for the collections its own garbage
 * causes (about 60 MB per reload), not for those of the runs before it.
 *
 * <ul>
 *   <li><b>load</b>: parse + index, the previous index dropped;</li>
 *   <li><b>reload</b>: parse + index + shadowing check, as {@code dialplan reload} does, while the
 *       previous index stays referenced until the new one replaces it;</li>
 *   <li><b>reload during lookups</b>: the same while a second thread keeps looking up on the old
 *       index flat out (calls in progress use it until the swap) and checks every answer against
 *       the one it gave before: none may change, and the lookups go on throughout.</li>
 * </ul>
 *
 * <pre>java -cp ... org.strowger.pbx.internal.config.DialplanLoadBenchmark [RUNS [WARMUP [FILE]]]</pre>
 */
public final class DialplanLoadBenchmark {

    private DialplanLoadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path file = args.length > 2 ? Path.of(args[2]) : Files.createTempFile("extensions-bench", ".conf");
        DialplanGenerator.Plan plan = DialplanGenerator.standard();
        Files.writeString(file, plan.text());

        long start = System.nanoTime();
        ParsedDialplan first = ExtensionsConfParser.parse(file);
        long parsed = System.nanoTime();
        DialplanIndex index = DialplanIndex.of(first);
        long indexed = System.nanoTime();
        int priorities = first.contexts().values().stream().mapToInt(c -> c.priorities().size()).sum();
        System.out.printf("file: %s (%d bytes, %d lines)%n", file, Files.size(file), plan.text().lines().count());
        System.out.printf("plan: %d contexts, %d extensions, %d priorities, %d include lines%n",
                index.contextNames().size(), extensions(first), priorities,
                first.contexts().values().stream().mapToInt(c -> c.includes().size()).sum());
        System.out.printf("first load ms (cold JVM, parse+index): %.1f (parse %.1f, index %.1f)%n",
                ms(indexed - start), ms(parsed - start), ms(indexed - parsed));

        for (int i = 0; i < warmup; i++) {
            index = DialplanIndex.of(ExtensionsConfParser.parse(file));
            index.shadowingWarnings();
        }
        double[] parse = new double[runs];
        double[] build = new double[runs];
        double[] shadowing = new double[runs];
        int warnings = 0;
        for (int i = 0; i < runs; i++) {
            index = null;
            System.gc();
            long t0 = System.nanoTime();
            ParsedDialplan again = ExtensionsConfParser.parse(file);
            long t1 = System.nanoTime();
            index = DialplanIndex.of(again);
            long t2 = System.nanoTime();
            warnings = index.shadowingWarnings().size();
            long t3 = System.nanoTime();
            parse[i] = ms(t1 - t0);
            build[i] = ms(t2 - t1);
            shadowing[i] = ms(t3 - t2);
        }
        double[] load = sum(parse, build);
        System.out.printf("parse ms: %s%n", describe(parse));
        System.out.printf("index ms: %s%n", describe(build));
        System.out.printf("load ms (parse+index): %s%n", describe(load));
        System.out.printf("shadowing check ms: %s (%d warnings)%n", describe(shadowing), warnings);

        double[] reload = new double[runs];
        for (int i = 0; i < runs; i++) {
            System.gc();
            long t0 = System.nanoTime();
            DialplanIndex fresh = DialplanIndex.of(ExtensionsConfParser.parse(file));
            fresh.shadowingWarnings();
            reload[i] = ms(System.nanoTime() - t0);
            index = fresh; // the swap: the previous index was in use until now
        }
        System.out.printf("reload ms (parse+index+shadowing check): %s%n", describe(reload));

        reloadDuringLookups(file, plan, index, runs);
    }

    /** Reloads while another thread keeps using the old index flat out, as calls in progress do. */
    private static void reloadDuringLookups(Path file, DialplanGenerator.Plan plan, DialplanIndex live, int runs)
            throws IOException, DialplanLoadException, InterruptedException {
        List<Lookup> lookups = DialplanLookups.mix(plan, 7, 4096);
        List<Optional<PriorityLine>> before = new ArrayList<>();
        lookups.forEach(l -> before.add(live.find(l.context(), l.exten(), l.priority(), l.callerId())));
        AtomicBoolean done = new AtomicBoolean();
        AtomicLong looked = new AtomicLong();
        AtomicLong changed = new AtomicLong();
        Thread calls = new Thread(() -> {
            long n = 0;
            while (!done.get()) {
                for (int i = 0; i < lookups.size(); i++) {
                    Lookup l = lookups.get(i);
                    if (!live.find(l.context(), l.exten(), l.priority(), l.callerId()).equals(before.get(i))) {
                        changed.incrementAndGet();
                    }
                }
                n += lookups.size();
            }
            looked.set(n);
        }, "calls-in-progress");
        calls.start();
        double[] reload = new double[runs];
        long started = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            System.gc();
            long t0 = System.nanoTime();
            DialplanIndex fresh = DialplanIndex.of(ExtensionsConfParser.parse(file));
            fresh.shadowingWarnings();
            reload[i] = ms(System.nanoTime() - t0);
        }
        long elapsed = System.nanoTime() - started;
        done.set(true);
        calls.join();
        System.out.printf("reload ms while a second thread looks up on the old index: %s%n", describe(reload));
        System.out.printf("lookups on the old index during those reloads: %d (%.0f/s), %d changed answers%n",
                looked.get(), looked.get() / (elapsed / 1e9), changed.get());
    }

    /** Distinct extensions (name + caller-ID match) per context, as the index counts them. */
    private static int extensions(ParsedDialplan plan) {
        return plan.contexts().values().stream().mapToInt(c -> (int) c.priorities().stream()
                .map(line -> ExtensionKey.of(line.extension(), line.callerIdMatch())).distinct().count()).sum();
    }

    private static double[] sum(double[] a, double[] b) {
        double[] sum = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            sum[i] = a[i] + b[i];
        }
        return sum;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static String describe(double[] samples) {
        double[] sorted = samples.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return String.format("median %.1f (min %.1f, max %.1f, %d runs)", median, sorted[0], sorted[n - 1], n);
    }
}
