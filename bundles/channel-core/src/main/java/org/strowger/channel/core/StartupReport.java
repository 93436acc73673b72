package org.strowger.channel.core;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Logs one summary line once the platform has settled after start: drivers register one by one
 * after the core, so the line waits until no technology has come or gone for a quiet period.
 */
class StartupReport {

    private final long quietMillis;
    private ScheduledExecutorService timer;
    private ScheduledFuture<?> pending;
    private Runnable report;
    private boolean reported;

    StartupReport() {
        this(2000);
    }

    StartupReport(long quietMillis) {
        this.quietMillis = quietMillis;
    }

    synchronized void start(Runnable report) {
        this.report = report;
        this.timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strowger-startup-report");
            thread.setDaemon(true);
            return thread;
        });
        schedule();
    }

    /** A technology came or went: wait for another quiet period before reporting. */
    synchronized void changed() {
        if (!reported && timer != null) {
            pending.cancel(false);
            schedule();
        }
    }

    synchronized void stop() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
    }

    synchronized boolean hasReported() {
        return reported;
    }

    private void schedule() {
        pending = timer.schedule(this::fire, quietMillis, TimeUnit.MILLISECONDS);
    }

    private void fire() {
        Runnable toRun;
        synchronized (this) {
            if (reported || timer == null) {
                return;
            }
            reported = true;
            toRun = report;
        }
        toRun.run();
        stop();
    }
}
