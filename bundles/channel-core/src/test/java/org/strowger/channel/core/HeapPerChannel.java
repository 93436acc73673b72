package org.strowger.channel.core;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.management.ObjectName;

import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;

/**
 * Heap per idle channel (not a JMH benchmark: a plain main). Makes N idle channels through a
 * {@link CoreFixture} with the validator in production mode, measures the used heap after
 * repeated {@code System.gc()} before and after, prints bytes per channel, hangs them all up
 * and measures again (what stays is a leak). Two runs:
 *
 * <ul>
 * <li>{@code Bench}: {@code core.request("Bench/user")} with the {@link BenchDriver}, whose driver
 *     side is two fields: the core's own footprint (the target);</li>
 * <li>{@code Test}: {@code fixture.request("user")} with the recording {@link TestDriver}, whose
 *     side keeps four lists and three counters and which remembers every side it made.</li>
 * </ul>
 *
 * <p>Usage: {@code java -Xms1g -Xmx1g -cp <test classpath> org.strowger.channel.core.HeapPerChannel
 * [channels] [--histogram]}; {@code --histogram} adds the classes that grew, per channel.
 * Prints lines {@code RESULT heap.<driver>.bytesPerChannel <value>} for scripts.
 */
public final class HeapPerChannel {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    private HeapPerChannel() {
    }

    public static void main(String[] args) throws Exception {
        int count = 100_000;
        boolean histogram = false;
        for (String arg : args) {
            if (arg.equals("--histogram")) {
                histogram = true;
            } else {
                count = Integer.parseInt(arg);
            }
        }
        measure("Bench", count, histogram, fixture -> BenchDriver.request(fixture, "Bench/user"));
        measure("Test", count, histogram, fixture -> fixture.request("user"));
    }

    private static void measure(String driver, int count, boolean histogram,
            Function<CoreFixture, Channel> make) throws Exception {
        CoreFixture fixture = BenchSupport.productionCore();
        // warm up: load and initialise every class on the path, outside the measurement
        for (int i = 0; i < 2_000; i++) {
            fixture.core.hangup(make.apply(fixture), HangupCause.NORMAL_CLEARING);
        }
        fixture.driver.sides.clear();
        Channel[] channels = new Channel[count];

        Map<String, long[]> histogramBefore = histogram ? histogram() : Map.of();
        long before = settledUsedHeap();
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            channels[i] = make.apply(fixture);
        }
        long createNanos = System.nanoTime() - start;
        long loaded = settledUsedHeap();
        Map<String, long[]> histogramLoaded = histogram ? histogram() : Map.of();

        for (Channel channel : channels) {
            fixture.core.hangup(channel, HangupCause.NORMAL_CLEARING);
        }
        int left = fixture.core.channelCount();
        java.util.Arrays.fill(channels, null);
        fixture.driver.sides.clear();
        long after = settledUsedHeap();

        double perChannel = (loaded - before) / (double) count;
        System.out.printf("%s driver: %,d idle channels made in %.2f s; used heap %,d -> %,d bytes%n", driver, count,
                createNanos / 1e9, before, loaded);
        System.out.printf("%s driver: %.0f bytes per idle channel (%.2f KiB)%n", driver, perChannel, perChannel / 1024);
        System.out.printf("%s driver: after hanging all up: %d channels left, %.1f bytes per channel still held%n",
                driver, left, (after - before) / (double) count);
        System.out.printf("RESULT heap.%s.bytesPerChannel %.0f%n", driver, perChannel);
        if (histogram) {
            printGrowth(histogramBefore, histogramLoaded, count);
        }
        BenchSupport.checkAfterRun(fixture, "HeapPerChannel." + driver);
    }

    /** Used heap once full collections stop freeing anything (at most 10 rounds). */
    private static long settledUsedHeap() throws InterruptedException {
        long previous = Long.MAX_VALUE;
        long used = 0;
        for (int round = 0; round < 10; round++) {
            System.gc();
            Thread.sleep(50);
            used = MEMORY.getHeapMemoryUsage().getUsed();
            if (round >= 2 && Math.abs(previous - used) < 64 * 1024) {
                break;
            }
            previous = used;
        }
        return used;
    }

    /** The live-object histogram of this JVM (class name to instances and bytes), via the diagnostic command MBean. */
    private static Map<String, long[]> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, long[]> classes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return classes;
    }

    private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int count) {
        List<Map.Entry<String, long[]>> grown = new ArrayList<>();
        for (Map.Entry<String, long[]> entry : after.entrySet()) {
            long[] was = before.getOrDefault(entry.getKey(), new long[2]);
            long[] delta = {entry.getValue()[0] - was[0], entry.getValue()[1] - was[1]};
            if (delta[1] > count) {
                grown.add(Map.entry(entry.getKey(), delta));
            }
        }
        grown.sort((x, y) -> Long.compare(y.getValue()[1], x.getValue()[1]));
        System.out.println("  class (growth per channel: instances, bytes)");
        for (Map.Entry<String, long[]> entry : grown.subList(0, Math.min(15, grown.size()))) {
            System.out.printf("  %-60s %6.2f %8.1f%n", entry.getKey(), entry.getValue()[0] / (double) count,
                    entry.getValue()[1] / (double) count);
        }
    }
}
