package org.strowger.misdn.internal.call;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.strowger.misdn.internal.l3.Call;
import org.strowger.misdn.internal.l3.CallListener;

/**
 * Overlap receiving: an incoming SETUP without Sending complete is acknowledged (SETUP
 * ACKNOWLEDGE), its number grows with each INFORMATION, and it is taken as complete when the
 * caller pauses for {@link #DIGIT_TIMEOUT} (or dials {@code #}); then the call goes on as an
 * en-bloc one. A call released meanwhile just ends.
 */
final class OverlapReceiver implements CallListener {

    /** The pause that ends the number, as a PBX's inter-digit timeout. */
    static final Duration DIGIT_TIMEOUT = Duration.ofSeconds(3);

    private final Call call;
    private final ScheduledExecutorService timers;
    private final Duration timeout;
    private final Consumer<String> complete;
    private final Runnable released;
    private final StringBuilder number;
    private ScheduledFuture<?> timer;
    private boolean over;

    OverlapReceiver(Call call, String digits, ScheduledExecutorService timers, Duration timeout,
            Consumer<String> complete, Runnable released) {
        this.call = call;
        this.timers = timers;
        this.timeout = timeout;
        this.complete = complete;
        this.released = released;
        this.number = new StringBuilder(digits);
    }

    /** Acknowledges the SETUP and waits for digits. */
    void start() {
        call.listen(this);
        call.setupAcknowledge();
        synchronized (this) {
            restartTimer();
        }
    }

    @Override
    public void information(String digits) {
        String done = null;
        synchronized (this) {
            if (over) {
                return;
            }
            number.append(digits);
            if (digits.endsWith("#")) {
                number.setLength(number.length() - 1);
                done = finish();
            } else {
                restartTimer();
            }
        }
        if (done != null) {
            complete.accept(done);
        }
    }

    @Override
    public void released(int cause) {
        synchronized (this) {
            if (over) {
                return;
            }
            over = true;
            if (timer != null) {
                timer.cancel(false);
            }
        }
        released.run();
    }

    private void timedOut() {
        String done;
        synchronized (this) {
            if (over) {
                return;
            }
            done = finish();
        }
        complete.accept(done);
    }

    /** Under the monitor. */
    private String finish() {
        over = true;
        if (timer != null) {
            timer.cancel(false);
        }
        return number.toString();
    }

    /** Under the monitor. */
    private void restartTimer() {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = timers.schedule(this::timedOut, timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
