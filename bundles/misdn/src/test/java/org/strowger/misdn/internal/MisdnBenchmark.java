package org.strowger.misdn.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.core.EmbeddedChannelCore;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.misdn.internal.config.MisdnSettings;

/**
 * Figures for {@code benchmarks/misdn.sh}: N simultaneous calls (default 30) across the native
 * simulated card's E1 ports (port 1 TE wired to port 2 NT, 30 B-channels each), audio both ways:
 * a generator thread writes a 20 ms frame to every outgoing channel every 20 ms, the answering
 * side echoes it without a thread per call. Prints the spacing of the frames the driver hands to
 * the core (the Java edge) on both ports, and CPU: the whole process, the card's simulator thread
 * (hardware on a real card), the generator, and what is left for the platform. Not run by Surefire.
 */
public final class MisdnBenchmark {

    private MisdnBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        MisdnSettings settings = MisdnSettings.of("simulated", 1, true, 16, "alaw",
                "1:te:ptp:group=out:context=from-isdn-te, 2:nt:ptp:group=in:context=from-isdn");
        try (EmbeddedChannelCore core = new EmbeddedChannelCore(false)) {
            ChannelService channels = core.service();
            MisdnDriver driver = new MisdnDriver(() -> settings, channels, CardOpener.CARDS, Q931Layers::create);
            core.addTechnology("mISDN", driver);
            Map<Channel, List<Long>> arrivals = new ConcurrentHashMap<>();
            List<Channel> answered = new CopyOnWriteArrayList<>();
            core.addInboundHandler(channel -> {
                channel.answer();
                answered.add(channel);
                arrivals.put(channel, new CopyOnWriteArrayList<>());
                echoWhenReadable(channel, arrivals.get(channel));
            });
            List<Channel> outgoing = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                Channel out = channels.request("mISDN/1/2600");
                out.call(Duration.ofSeconds(30));
                outgoing.add(out);
                arrivals.put(out, new CopyOnWriteArrayList<>());
                recordWhenReadable(out, arrivals.get(out));
            }
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (outgoing.stream().anyMatch(c -> c.state() != ChannelState.UP) || answered.size() < calls) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not all " + calls + " calls were answered: " + answered.size());
                }
                Thread.sleep(10);
            }
            System.out.printf(Locale.ROOT, "mISDN benchmark: %d calls on simulated E1 ports (30 B-channels), %d s,"
                    + " %d cores, load %s%n", calls, seconds, Runtime.getRuntime().availableProcessors(),
                    Files.readString(Path.of("/proc/loadavg")).trim());

            ScheduledExecutorService generator = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "bench-generator");
                thread.setDaemon(true);
                return thread;
            });
            long[] frame = {0};
            generator.scheduleAtFixedRate(() -> {
                byte[] audio = new byte[160];
                Arrays.fill(audio, (byte) (0x55 ^ (frame[0] & 0x0f)));
                for (Channel out : outgoing) {
                    out.write(new VoiceFrame(Codec.ALAW, audio, 160, frame[0] * 160));
                }
                frame[0]++;
            }, 0, 20, TimeUnit.MILLISECONDS);

            Thread.sleep(3000); // warm-up: JIT, jitter buffers filled
            arrivals.values().forEach(List::clear);
            Map<String, Long> threadsBefore = threadTicks();
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long wall = System.nanoTime() - wallBefore;
            long cpu = processCpuNanos() - cpuBefore;
            Map<String, Long> threadsAfter = threadTicks();
            generator.shutdownNow();

            report("port 2 (NT), frames from the caller", answered, arrivals);
            report("port 1 (TE), the echo coming back", outgoing, arrivals);
            double ticksPerSecond = 100.0;
            double simulator = percent(delta(threadsBefore, threadsAfter, "strowger-sim") / ticksPerSecond * 1e9, wall);
            double gen = percent(delta(threadsBefore, threadsAfter, "bench-generato") / ticksPerSecond * 1e9, wall);
            double whole = percent(cpu, wall);
            System.out.printf(Locale.ROOT, "  CPU (%% of one core): process %.1f, card simulator %.1f, generator %.1f,"
                    + " platform (the rest) %.1f%n", whole, simulator, gen, whole - simulator - gen);
            System.out.printf(Locale.ROOT, "  threads: %d (platform threads do not grow with calls: pacer, timers,"
                    + " card I/O)%n", ManagementFactory.getThreadMXBean().getThreadCount());
            for (Channel out : outgoing) {
                channels.hangup(out, HangupCause.NORMAL_CLEARING);
            }
            driver.deactivate();
        }
    }

    private static void echoWhenReadable(Channel channel, List<Long> arrivals) {
        channel.readable().thenRun(() -> {
            drain(channel, arrivals, true);
            if (!channel.isHungUp()) {
                echoWhenReadable(channel, arrivals);
            }
        });
    }

    private static void recordWhenReadable(Channel channel, List<Long> arrivals) {
        channel.readable().thenRun(() -> {
            drain(channel, arrivals, false);
            if (!channel.isHungUp()) {
                recordWhenReadable(channel, arrivals);
            }
        });
    }

    private static void drain(Channel channel, List<Long> arrivals, boolean echo) {
        try {
            Frame frame;
            while ((frame = channel.read(Duration.ZERO)) != null) {
                if (frame instanceof org.strowger.channel.frame.ControlFrame control
                        && control.control() == org.strowger.channel.frame.Control.HANGUP) {
                    return; // a hung-up channel reads HANGUP for ever
                }
                if (frame instanceof VoiceFrame voice) {
                    arrivals.add(System.nanoTime());
                    if (echo) {
                        channel.write(voice);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void report(String what, List<Channel> side, Map<Channel, List<Long>> arrivals) {
        List<Long> gaps = new ArrayList<>();
        long frames = 0;
        for (Channel channel : side) {
            List<Long> times = arrivals.get(channel);
            frames += times.size();
            for (int i = 1; i < times.size(); i++) {
                gaps.add(times.get(i) - times.get(i - 1));
            }
        }
        if (gaps.isEmpty()) {
            System.out.printf(Locale.ROOT, "  %s: no frames%n", what);
            return;
        }
        long[] sorted = gaps.stream().mapToLong(Long::longValue).sorted().toArray();
        long within = gaps.stream().filter(g -> Math.abs(g - 20_000_000L) <= 2_000_000L).count();
        System.out.printf(Locale.ROOT, "  %s: %,d frames; spacing median %.2f ms, p1 %.2f, p99 %.2f, max %.2f;"
                + " within 20 ± 2 ms: %.2f %%%n", what, frames, sorted[sorted.length / 2] / 1e6,
                sorted[sorted.length / 100] / 1e6, sorted[sorted.length * 99 / 100] / 1e6,
                sorted[sorted.length - 1] / 1e6, 100.0 * within / gaps.size());
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** utime + stime in clock ticks per thread name (comm, at most 15 characters), summed. */
    private static Map<String, Long> threadTicks() throws IOException {
        Map<String, Long> ticks = new HashMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    long used = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    ticks.merge(comm, used, Long::sum);
                } catch (IOException | RuntimeException gone) {
                    // the thread ended meanwhile
                }
            }
        }
        return ticks;
    }

    private static double delta(Map<String, Long> before, Map<String, Long> after, String prefix) {
        long sum = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            if (entry.getKey().startsWith(prefix)) {
                sum += entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            }
        }
        return sum;
    }

    private static double percent(double nanos, long wallNanos) {
        return 100.0 * nanos / wallNanos;
    }
}
