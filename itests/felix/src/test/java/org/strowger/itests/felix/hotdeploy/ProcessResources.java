package org.strowger.itests.felix.hotdeploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What this JVM holds at one moment, as far as a driver can leak it: its threads (Java threads by
 * name, plus native threads by their {@code /proc/self/task/N/comm} name, 15 characters at most)
 * (a trailing serial number, {@code -12}, counts as {@code -N}: a restarted driver's timer is
 * {@code Timer-3} where it was {@code Timer-1}) and its open file descriptors by kind ({@code socket}, {@code pipe}, files by path).
 * Linux only ({@code /proc}); the test that uses it skips elsewhere.
 */
record ProcessResources(Map<String, Integer> threads, Map<String, Integer> fds) {

    static boolean supported() {
        return Files.isDirectory(Path.of("/proc/self/fd")) && Files.isDirectory(Path.of("/proc/self/task"));
    }

    static ProcessResources now() {
        Map<String, Integer> threads = new TreeMap<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive()) {
                threads.merge("java:" + serialless(thread.getName()), 1, Integer::sum);
            }
        }
        for (Path task : list(Path.of("/proc/self/task"))) {
            try {
                threads.merge("native:" + serialless(Files.readString(task.resolve("comm")).trim()), 1, Integer::sum);
            } catch (IOException ended) {
                // the thread ended while we looked
            }
        }
        Map<String, Integer> fds = new TreeMap<>();
        for (Path fd : list(Path.of("/proc/self/fd"))) {
            try {
                String target = Files.readSymbolicLink(fd).toString();
                // socket:[inode] and pipe:[inode] count by kind; files by path, a bundle jar whatever its revision
                fds.merge(target.replaceAll(":\\[\\d+\\]$", "").replaceAll("/version\\d+\\.\\d+/", "/version*/"),
                        1, Integer::sum);
            } catch (IOException closed) {
                // closed while we looked (the listing itself opens and closes one)
            }
        }
        return new ProcessResources(threads, fds);
    }

    /** Thread names matching {@code driverOwned}, with their counts. */
    Map<String, Integer> threads(Predicate<String> driverOwned) {
        return threads.entrySet().stream().filter(e -> driverOwned.test(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    int sockets() {
        return fds.getOrDefault("socket", 0);
    }

    int fdCount() {
        return fds.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** What {@code later} holds more of than this snapshot, e.g. {@code java:Foo +2}. */
    List<String> grownIn(ProcessResources later) {
        List<String> grown = new ArrayList<>();
        diff(threads, later.threads, grown);
        diff(fds, later.fds, grown);
        return grown;
    }

    private static void diff(Map<String, Integer> before, Map<String, Integer> after, Collection<String> out) {
        for (Map.Entry<String, Integer> entry : after.entrySet()) {
            int more = entry.getValue() - before.getOrDefault(entry.getKey(), 0);
            if (more > 0) {
                out.add(entry.getKey() + " +" + more);
            }
        }
    }

    private static String serialless(String threadName) {
        return threadName.replaceAll("-\\d+$", "-N");
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    static Set<String> names(Map<String, Integer> counted) {
        return counted.keySet();
    }
}
