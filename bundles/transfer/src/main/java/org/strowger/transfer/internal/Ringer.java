package org.strowger.transfer.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelState;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.Frame;

/**
 * Calls a dial string for a feature (an attended transfer's target, a parked call's way back)
 * and waits for the outcome on the feature's own thread, as Dial does for one destination:
 * answered, busy, congestion, no answer within the timeout, or aborted by the feature.
 */
public final class Ringer {

    /** How a call placed by a feature ended its ringing. */
    public enum Status { ANSWERED, BUSY, CONGESTION, NO_ANSWER, UNAVAILABLE, ABORTED }

    /** The outcome; {@code callee} is the answered channel (up, unbridged, owned by the caller) only for ANSWERED. */
    public record Result(Status status, Channel callee, String detail) {
        public boolean answered() {
            return status == Status.ANSWERED;
        }
    }

    /** How often the abort condition is looked at when nothing else wakes the wait. */
    private static final long POLL_MILLIS = 50;

    private final ChannelService channels;

    public Ringer(ChannelService channels) {
        this.channels = channels;
    }

    /**
     * Places the call and blocks until it is answered or fails.
     *
     * @param hearsRinging told RINGING while the callee rings, and watched while it is up (its
     *        frames wake the wait, so {@code abort} must read them); may be {@code null}
     * @param abort looked at after every wake-up; true hangs the callee up and returns ABORTED
     */
    public Result ring(String dialString, CallerId callerId, Duration timeout, Channel hearsRinging,
            BooleanSupplier abort) throws InterruptedException {
        Channel callee;
        try {
            callee = channels.request(dialString);
        } catch (ChannelUnavailableException e) {
            return new Result(Status.UNAVAILABLE, null, dialString + ": " + e.getMessage());
        }
        if (callerId != null) {
            callee.setCallerId(callerId);
        }
        try {
            callee.call(timeout);
        } catch (ChannelUnavailableException e) {
            channels.hangup(callee, e.hangupCause());
            return new Result(e.hangupCause() == HangupCause.USER_BUSY ? Status.BUSY : Status.UNAVAILABLE, null,
                    dialString + ": " + e.getMessage());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        boolean toldRinging = false;
        while (true) {
            toldRinging |= relayProgress(callee, hearsRinging, toldRinging);
            if (callee.state() == ChannelState.UP && !callee.isHungUp()) {
                return new Result(Status.ANSWERED, callee, dialString + " answered");
            }
            if (callee.isHungUp()) {
                HangupCause cause = callee.hangupCause().orElse(HangupCause.NORMAL_CLEARING);
                return new Result(failure(cause), null, dialString + " hung up: " + cause);
            }
            if (callee.state() == ChannelState.BUSY) {
                channels.hangup(callee, HangupCause.USER_BUSY);
                return new Result(Status.BUSY, null, dialString + " is busy");
            }
            if (abort.getAsBoolean()) {
                channels.hangup(callee, HangupCause.NORMAL_CLEARING);
                return new Result(Status.ABORTED, null, "the call to " + dialString + " was given up");
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                channels.hangup(callee, HangupCause.NO_ANSWER);
                return new Result(Status.NO_ANSWER, null, dialString + " did not answer in " + timeout.toSeconds() + " s");
            }
            await(callee, hearsRinging, Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, POLL_MILLIS));
        }
    }

    private static Status failure(HangupCause cause) {
        return switch (cause) {
            case USER_BUSY -> Status.BUSY;
            case NORMAL_CIRCUIT_CONGESTION, SWITCH_CONGESTION -> Status.CONGESTION;
            default -> Status.NO_ANSWER;
        };
    }

    /** Reads what the callee queued while ringing; passes the first RINGING on. */
    private static boolean relayProgress(Channel callee, Channel hearsRinging, boolean toldRinging)
            throws InterruptedException {
        boolean told = false;
        Frame frame;
        while ((frame = callee.read(Duration.ZERO)) != null) {
            if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                break;
            }
            if (frame instanceof ControlFrame control && control.control() == Control.RINGING && !toldRinging
                    && !told && hearsRinging != null && !hearsRinging.isHungUp()) {
                hearsRinging.indicate(Control.RINGING);
                told = true;
            }
        }
        return told;
    }

    private static void await(Channel callee, Channel watched, long millis) throws InterruptedException {
        List<CompletableFuture<Void>> wakes = new ArrayList<>(2);
        wakes.add(callee.readable().toCompletableFuture());
        if (watched != null && !watched.isHungUp()) {
            wakes.add(watched.readable().toCompletableFuture());
        }
        try {
            CompletableFuture.anyOf(wakes.toArray(CompletableFuture[]::new)).get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a timeout is the poll tick; nothing else completes these exceptionally
        }
    }
}
