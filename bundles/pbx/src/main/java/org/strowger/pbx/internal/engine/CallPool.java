package org.strowger.pbx.internal.engine;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;

/**
 * Where calls run their dialplan: admits at most {@code maxCalls} calls into the dialplan at
 * once (running a step or suspended), and runs their steps on at most {@code maxThreads}
 * threads. A suspended call (Dial while it rings or is bridged) holds no thread, so the thread
 * count follows the calls running an application right now, not the calls in progress. Steps
 * that find every thread busy wait in a queue; idle threads leave after a minute.
 */
public final class CallPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CallPool.class);

    private final int maxCalls;
    private final ThreadPoolExecutor threads;
    private final AtomicInteger admitted = new AtomicInteger();
    private final Set<CallRunner> calls = ConcurrentHashMap.newKeySet();
    private final AtomicInteger threadNumber = new AtomicInteger();

    public CallPool(int maxCalls, int maxThreads, String threadName) {
        this.maxCalls = Math.max(1, maxCalls);
        int size = Math.max(1, maxThreads);
        // core = max with an unbounded queue: threads grow to maxThreads, then steps queue (a call has
        // at most one step queued or running, so the queue never holds more than maxCalls)
        this.threads = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, threadName + "-" + threadNumber.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        this.threads.allowCoreThreadTimeOut(true);
    }

    /**
     * Starts the dialplan for a new call; false when {@code maxCalls} calls are in the dialplan
     * already (or the pool is closed): the caller refuses the call.
     */
    public boolean start(Channel channel, ChannelService channels, DialplanRegistry registry, Globals globals,
            Supplier<CompiledDialplan> dialplan) {
        if (admitted.incrementAndGet() > maxCalls) {
            admitted.decrementAndGet();
            return false;
        }
        CallRunner runner = new CallRunner(channel, channels, registry, globals, dialplan, threads, this::left);
        calls.add(runner);
        try {
            threads.execute(runner);
            return true;
        } catch (RejectedExecutionException closed) {
            calls.remove(runner);
            admitted.decrementAndGet();
            return false;
        }
    }

    private void left(CallRunner runner) {
        if (calls.remove(runner)) {
            admitted.decrementAndGet();
        }
    }

    public int maxCalls() {
        return maxCalls;
    }

    public int maxThreads() {
        return threads.getMaximumPoolSize();
    }

    /** Calls in the dialplan now, running a step or suspended. */
    public int callsInDialplan() {
        return admitted.get();
    }

    /** Calls whose application waits without a thread now. */
    public int suspendedCalls() {
        return (int) calls.stream().filter(CallRunner::isSuspended).count();
    }

    /** Threads running a step now. */
    public int busyThreads() {
        return threads.getActiveCount();
    }

    /** Threads alive now, busy or idle. */
    public int threads() {
        return threads.getPoolSize();
    }

    /** The most threads alive at once since the pool started. */
    public int largestThreads() {
        return threads.getLargestPoolSize();
    }

    /**
     * Ends every call in the dialplan, as stopping the PBX always did: running steps are
     * interrupted (their {@code h} extension runs, then they hang up), suspended calls are hung
     * up (their application's stage completes and they end without a thread).
     */
    @Override
    public void close() {
        threads.shutdownNow();
        for (CallRunner call : calls) {
            try {
                call.hangUpIfSuspended();
            } catch (RuntimeException e) {
                LOG.warn("Could not hang up {} while the PBX stops", call.channel().name(), e);
            }
        }
    }
}
