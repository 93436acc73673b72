package org.strowger.pbx.internal.apps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.log.CallLogContext;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.HangupPolicy;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.DialplanCall;

/**
 * One Dial from the moment its calls are placed to the end of the bridged call, without a
 * thread of its own.
 *
 * <p><b>Ringing.</b> Each {@link #step()} looks at the caller and the destinations as they are
 * now (the caller hung up, a destination rings, answered, is busy or gone, the timeout passed),
 * and either ends the attempt or waits for the next change: it suspends the call until the
 * caller or a destination has something to read ({@link Channel#readable()}: a frame, or a
 * hangup) or the timeout fires, then steps again on the PBX pool. Steps look at state, not at
 * what woke them, so a change that comes between a step and its wait completes the wait at once
 * and is never lost; steps run one after the other, each started by the one before.
 *
 * <p><b>Bridged.</b> Once a destination answers, the call is bridged and suspended until the
 * bridge ends ({@link Bridge#ended()}); then ANSWEREDTIME and DIALEDTIME are set, the callee is
 * hung up if the bridge was released with it still up, and the dialplan continues (option
 * {@code g}, with the caller still up) or ends. With {@code g} the bridge keeps the caller up
 * when the callee hangs up ({@link HangupPolicy#KEEP_FIRST}).
 */
final class DialAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(DialAttempt.class);

    private final DialplanCall call;
    private final Channel caller;
    private final ChannelService channels;
    private final Executor executor;
    private final List<Channel> callees;
    private final Instant started;
    private final DialOptions options;
    /** Completes when the dial timeout passes (never without one); completed early to cancel the timer. */
    private final CompletableFuture<Void> giveUp = new CompletableFuture<>();
    private boolean anyBusy;
    private boolean anyCongested;

    DialAttempt(DialplanCall call, Executor executor, List<Channel> callees, Instant started, Duration timeout,
            DialOptions options, boolean anyBusy, boolean anyCongested) {
        this.call = call;
        this.caller = call.channel();
        this.channels = call.channels();
        this.executor = executor;
        this.callees = new ArrayList<>(callees);
        this.started = started;
        this.options = options;
        this.anyBusy = anyBusy;
        this.anyCongested = anyCongested;
        if (!timeout.isZero()) {
            giveUp.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The first step, on the thread that placed the calls. */
    ApplicationResult start() throws InterruptedException {
        return step();
    }

    /** Looks at the call as it is now: the attempt's result, or a suspension until something changes. */
    private ApplicationResult step() throws InterruptedException {
        if (caller.isHungUp() || drainCaller()) {
            hangUpAll(HangupCause.NORMAL_CLEARING);
            return done("CANCEL");
        }
        Channel answered = null;
        for (Channel callee : List.copyOf(callees)) {
            relayProgress(callee);
            if (callee.isHungUp()) {
                callees.remove(callee);
                HangupCause cause = callee.hangupCause().orElse(HangupCause.NORMAL_CLEARING);
                anyBusy |= cause == HangupCause.USER_BUSY;
                anyCongested |= cause == HangupCause.NORMAL_CIRCUIT_CONGESTION;
            } else if (callee.state() == ChannelState.BUSY) {
                anyBusy = true;
                callees.remove(callee);
                channels.hangup(callee, HangupCause.USER_BUSY);
            } else if (callee.state() == ChannelState.UP && answered == null) {
                answered = callee;
            }
        }
        if (answered != null) {
            callees.remove(answered);
            hangUpAll(HangupCause.ANSWERED_ELSEWHERE);
            return bridge(answered);
        }
        if (callees.isEmpty()) {
            return done(anyBusy ? "BUSY" : anyCongested ? "CONGESTION" : "NOANSWER");
        }
        if (giveUp.isDone()) {
            hangUpAll(HangupCause.NO_ANSWER);
            return done("NOANSWER");
        }
        return waitForChange();
    }

    /**
     * Suspends the call until the caller or a destination can be read, or the timeout passes;
     * then the next step runs on the pool. The wake-ups complete in drivers' threads or the timer's,
     * with no lock held; they only hand the step to the pool.
     */
    private ApplicationResult waitForChange() {
        List<CompletableFuture<?>> wakes = new ArrayList<>(callees.size() + 2);
        wakes.add(caller.readable().toCompletableFuture());
        for (Channel callee : callees) {
            wakes.add(callee.readable().toCompletableFuture());
        }
        wakes.add(giveUp);
        CompletableFuture<ApplicationResult> next = CompletableFuture.anyOf(wakes.toArray(CompletableFuture[]::new))
                .handleAsync((woken, failure) -> nextStep(), executor);
        next.whenComplete((result, failure) -> {
            if (failure != null) {
                // the step failed or could not run (the PBX is stopping): no destination may linger
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                if (cause instanceof RejectedExecutionException) {
                    CallLogContext.debug(LOG, caller, "The PBX stopped while Dial rang: hanging up its destinations");
                } else {
                    CallLogContext.warn(LOG, caller, "Dial failed while its destinations rang: hanging them up", cause);
                }
                hangUpAll(HangupCause.NORMAL_CLEARING);
                giveUp.complete(null);
            }
        });
        return new ApplicationResult.Suspend(next);
    }

    private ApplicationResult nextStep() {
        try {
            return step();
        } catch (InterruptedException e) {
            // the pool thread is interrupted: the PBX is stopping
            Thread.currentThread().interrupt();
            hangUpAll(HangupCause.NORMAL_CLEARING);
            return done("CANCEL");
        }
    }

    private ApplicationResult bridge(Channel callee) {
        giveUp.complete(null);
        Instant answeredAt = Instant.now();
        call.setVariable("DIALEDPEERNAME", callee.name());
        call.setVariable("DIALSTATUS", "ANSWER");
        call.setVariable("DIALEDTIME", seconds(started, answeredAt));
        if (caller.state() != ChannelState.UP) {
            caller.answer();
        }
        Bridge bridge;
        try {
            bridge = channels.bridge(caller, callee,
                    options.continueAfterCallee() ? HangupPolicy.KEEP_FIRST : HangupPolicy.BOTH);
        } catch (IllegalStateException e) {
            CallLogContext.warn(LOG, caller, "Could not bridge with {}: {}", callee.name(), e.getMessage());
            channels.hangup(callee, HangupCause.NORMAL_TEMPORARY_FAILURE);
            return finish(call, started, "CONGESTION");
        }
        CompletableFuture<ApplicationResult> after = bridge.ended().toCompletableFuture()
                .handleAsync((cause, failure) -> afterBridge(callee, answeredAt), executor);
        after.whenComplete((result, failure) -> {
            if (failure != null && !callee.isHungUp()) {
                channels.hangup(callee, HangupCause.NORMAL_CLEARING);
            }
        });
        return new ApplicationResult.Suspend(after);
    }

    /** The bridge ended: what Dial did when its bridged call was over. */
    private ApplicationResult afterBridge(Channel callee, Instant answeredAt) {
        Instant ended = Instant.now();
        call.setVariable("ANSWEREDTIME", seconds(answeredAt, ended));
        call.setVariable("DIALEDTIME", seconds(started, ended));
        if (!caller.isHungUp() && !callee.isHungUp()) {
            channels.hangup(callee, HangupCause.NORMAL_CLEARING);
        }
        return options.continueAfterCallee() && !caller.isHungUp() ? ApplicationResult.CONTINUE
                : ApplicationResult.HANGUP;
    }

    /** Reads the caller's frames while dialling; true when it hung up. */
    private boolean drainCaller() throws InterruptedException {
        Frame frame;
        while ((frame = caller.read(Duration.ZERO)) != null) {
            if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                return true;
            }
        }
        return false;
    }

    /** Passes a callee's ringing and progress on to the caller. */
    private void relayProgress(Channel callee) throws InterruptedException {
        Frame frame;
        while ((frame = callee.read(Duration.ZERO)) != null) {
            if (frame instanceof ControlFrame control && (control.control() == Control.RINGING
                    || control.control() == Control.PROGRESS || control.control() == Control.PROCEEDING)) {
                caller.indicate(control.control());
            }
            if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                return;
            }
        }
    }

    private void hangUpAll(HangupCause cause) {
        for (Channel callee : callees) {
            channels.hangup(callee, cause);
        }
    }

    private ApplicationResult done(String status) {
        giveUp.complete(null);
        return finish(call, started, status);
    }

    /** Ends a Dial that bridged nothing. */
    static ApplicationResult finish(DialplanCall call, Instant started, String status) {
        call.setVariable("DIALSTATUS", status);
        call.setVariable("DIALEDTIME", seconds(started, Instant.now()));
        call.setVariable("ANSWEREDTIME", "0");
        return status.equals("CANCEL") ? ApplicationResult.HANGUP : ApplicationResult.CONTINUE;
    }

    private static String seconds(Instant from, Instant to) {
        return Long.toString(Duration.between(from, to).toSeconds());
    }
}
