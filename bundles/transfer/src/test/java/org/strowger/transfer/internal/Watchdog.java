package org.strowger.transfer.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** Runs a race round on its own thread and fails with a thread dump (deadlocked threads first) if it hangs. */
final class Watchdog implements AutoCloseable {

    private final ExecutorService runner = Executors.newCachedThreadPool();

    <T> T within(long seconds, Callable<T> round) throws Exception {
        Future<T> result = runner.submit(round);
        try {
            return result.get(seconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("round did not finish in " + seconds + " s (deadlock?)\n" + dump());
        }
    }

    /** Starts the actions together on their own threads and waits for all, watchdog-guarded. */
    void together(long seconds, Runnable... actions) throws Exception {
        java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(actions.length);
        Future<?>[] futures = new Future<?>[actions.length];
        for (int i = 0; i < actions.length; i++) {
            Runnable action = actions[i];
            futures[i] = runner.submit(() -> {
                start.await(seconds, TimeUnit.SECONDS);
                action.run();
                return null;
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        for (Future<?> future : futures) {
            try {
                future.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("racing actions did not finish in " + seconds + " s (deadlock?)\n" + dump());
            }
        }
    }

    static String dump() {
        var threads = ManagementFactory.getThreadMXBean();
        long[] deadlocked = threads.findDeadlockedThreads();
        String head = deadlocked == null ? "no deadlocked threads found\n"
                : "DEADLOCKED: " + Arrays.toString(deadlocked) + "\n";
        return head + Arrays.stream(threads.dumpAllThreads(true, true)).map(ThreadInfo::toString)
                .collect(Collectors.joining());
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
