package org.strowger.pbx.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.log.CallLogContext;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.internal.config.PriorityLine;
import org.strowger.pbx.internal.value.DialplanEvaluationException;
import org.strowger.pbx.internal.value.DialplanSyntaxException;

/**
 * Runs the dialplan for one channel, step by step, on PBX pool threads: look the step up (the
 * dialplan is read anew at every step, so a reload reaches live calls), substitute its
 * arguments in their slots, run the application, follow its result; then the {@code h}
 * extension, then hang up.
 *
 * <p>An application that returns {@link ApplicationResult.Suspend} gives the thread back: the
 * run returns without running {@code h} or hanging up, and when the application's stage
 * completes, the rest of the call runs as a new task on the executor, from that result. So a
 * call holds a thread only while an application runs on it; one step runs at a time, each
 * handing over to the next through the executor or the stage (which orders their memory
 * effects). The call ends exactly once, in {@link #end}, which tells the pool.
 */
public final class CallRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CallRunner.class);

    /** Where a run of steps stopped: the call's end, with the cause to hang up with, or a suspension. */
    private record Stop(HangupCause cause) {
        static final Stop SUSPENDED = new Stop(null);
        static final Stop CLEARING = new Stop(HangupCause.NORMAL_CLEARING);
    }

    private final Channel channel;
    private final ChannelService channels;
    private final DialplanRegistry registry;
    private final Supplier<CompiledDialplan> dialplan;
    private final CallScope scope;
    private final Executor executor;
    private final Consumer<CallRunner> onEnd;
    private final AtomicBoolean ended = new AtomicBoolean();
    /** Whether the call runs its {@code h} extension now (the main dialplan is over). */
    private boolean inHangupExtension;
    /** The cause the main dialplan ended with; the channel is hung up with it after {@code h}. */
    private HangupCause endCause = HangupCause.NORMAL_CLEARING;
    /** Where the suspended application runs, to follow its result from. */
    private DialplanLocation suspendedAt;
    /** Read by {@link CallPool#close()} from another thread. */
    private volatile boolean suspended;

    /**
     * @param executor runs the rest of a call after a suspension (the PBX pool)
     * @param onEnd told once, when the call has left the dialplan and its channel is hung up
     */
    public CallRunner(Channel channel, ChannelService channels, DialplanRegistry registry, Globals globals,
            Supplier<CompiledDialplan> dialplan, Executor executor, Consumer<CallRunner> onEnd) {
        this.channel = channel;
        this.channels = channels;
        this.registry = registry;
        this.dialplan = dialplan;
        this.executor = executor;
        this.onEnd = onEnd;
        this.scope = new CallScope(channel, channels, registry, globals, dialplan, executor);
    }

    public Channel channel() {
        return channel;
    }

    /** Whether an application of this call waits without a thread right now. */
    public boolean isSuspended() {
        return suspended;
    }

    @Override
    public void run() {
        try (CallLogContext scope = CallLogContext.enter(channel.name())) {
            proceed(null);
        }
    }

    /**
     * Runs steps on this thread until the call ends or an application suspends it;
     * {@code resumed} is the result of the application that was suspended, or null at the start.
     */
    private void proceed(ApplicationResult resumed) {
        boolean handedOver = false;
        try {
            ApplicationResult pending = resumed;
            if (!inHangupExtension) {
                Stop stop = mainSteps(pending);
                if (stop == Stop.SUSPENDED) {
                    handedOver = true;
                    return;
                }
                endCause = stop.cause();
                pending = null;
                if (!enterHangupExtension()) {
                    return;
                }
            }
            handedOver = hangupSteps(pending) == Stop.SUSPENDED;
        } finally {
            if (!handedOver) {
                end(endCause);
            }
        }
    }

    private Stop mainSteps(ApplicationResult resumed) {
        try {
            return runSteps(resumed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Dialplan failed on {} at {}", channel.name(), channel.location(), e);
        }
        return Stop.CLEARING;
    }

    private Stop hangupSteps(ApplicationResult resumed) {
        try {
            return runSteps(resumed);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("The h extension failed", e);
        }
        return Stop.CLEARING;
    }

    /** Runs steps until the call (or its {@code h} extension) ends or an application suspends. */
    private Stop runSteps(ApplicationResult resumed) throws InterruptedException {
        if (resumed != null) {
            DialplanLocation at = suspendedAt;
            Stop stop = afterApplication(resumed, dialplan.get(), at, channel.callerId().number());
            if (stop != null) {
                return stop;
            }
        }
        while (inHangupExtension || !channel.isHungUp()) {
            CompiledDialplan plan = dialplan.get();
            DialplanLocation at = channel.location();
            String callerId = channel.callerId().number();
            if (!inHangupExtension && timedOut()) {
                continue;
            }
            Optional<PriorityLine> found = plan.find(at.context(), at.extension(), at.priority(), callerId);
            if (found.isEmpty()) {
                if (inHangupExtension) {
                    return Stop.CLEARING;
                }
                if (at.priority() > 1 && plan.exists(at.context(), at.extension(), callerId)) {
                    return new Stop(ranOffTheEnd(at));
                }
                if (!divertInvalid(plan, at, callerId)) {
                    return new Stop(HangupCause.UNALLOCATED);
                }
                continue;
            }
            PriorityLine line = found.get();
            CallLogContext.rename(channel.name()); // each step: the name may have changed (masquerade, rename)
            ApplicationResult result = execute(plan, line, at);
            Stop stop = afterApplication(result, plan, at, callerId);
            if (stop != null) {
                return stop;
            }
        }
        return Stop.CLEARING;
    }

    /** Follows an application's result; null when the dialplan goes on with the next step. */
    private Stop afterApplication(ApplicationResult result, CompiledDialplan plan, DialplanLocation at,
            String callerId) throws InterruptedException {
        if (result instanceof ApplicationResult.Suspend suspend) {
            suspend(suspend.resume(), at);
            return Stop.SUSPENDED;
        }
        if (!follow(result, plan, at, callerId) || (!inHangupExtension && channel.isHungUp())) {
            return Stop.CLEARING;
        }
        return null;
    }

    /**
     * Gives the thread back until {@code resume} completes. Registering on the stage is the last
     * thing this thread does for the call: if the stage is complete already, the continuation
     * may start on another thread at once.
     */
    private void suspend(CompletionStage<ApplicationResult> resume, DialplanLocation at) {
        suspendedAt = at;
        suspended = true;
        resume.whenComplete(this::resumeLater);
    }

    /** The suspended application's stage completed (in any thread): the call goes on, on the pool. */
    private void resumeLater(ApplicationResult result, Throwable failure) {
        try {
            executor.execute(() -> {
                try (CallLogContext scope = CallLogContext.enter(channel.name())) {
                    resume(result, failure);
                }
            });
        } catch (RejectedExecutionException stopped) {
            // the PBX is stopping: no dialplan runs any more, but the call must not linger
            CallLogContext.debug(LOG, channel, "The PBX stopped while the call waited in {}: hanging it up",
                    channel.application());
            suspended = false;
            end(HangupCause.NORMAL_CLEARING);
        }
    }

    private void resume(ApplicationResult result, Throwable failure) {
        suspended = false;
        String application = channel.application();
        ApplicationResult outcome;
        if (failure != null) {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                    ? failure.getCause() : failure;
            LOG.error("Application {} failed at {} while suspended", application, suspendedAt,
                    cause);
            outcome = new ApplicationResult.Error("ERROR");
        } else {
            outcome = result == null ? ApplicationResult.CONTINUE : result;
        }
        if (!(outcome instanceof ApplicationResult.Suspend)) {
            channel.setApplication("", "");
        }
        proceed(outcome);
    }

    /** Hangs the channel up (if it is not already) and tells the pool, exactly once. */
    private void end(HangupCause cause) {
        if (!ended.compareAndSet(false, true)) {
            return;
        }
        try {
            if (!channel.isHungUp()) {
                channels.hangup(channel, cause);
            }
        } finally {
            onEnd.accept(this);
        }
    }

    /** Hangs up a suspended call's channel (the PBX is stopping); its application then ends it. */
    void hangUpIfSuspended() {
        if (suspended && !channel.isHungUp()) {
            channels.hangup(channel, HangupCause.NORMAL_CLEARING);
        }
    }

    private ApplicationResult execute(CompiledDialplan plan, PriorityLine line, DialplanLocation at)
            throws InterruptedException {
        Optional<DialplanApplication> application = registry.application(line.application());
        if (application.isEmpty()) {
            LOG.error("No application '{}' at {} ({}): the call ends", line.application(), at,
                    line.at());
            return ApplicationResult.HANGUP;
        }
        Arguments arguments;
        try {
            arguments = plan.arguments(line, application.get().syntax()).evaluate(scope);
        } catch (DialplanSyntaxException | DialplanEvaluationException e) {
            LOG.error("{}({}) at {} ({}): {}", line.application(), line.data(), at, line.at(),
                    e.getMessage());
            return new ApplicationResult.Error("ERROR");
        }
        channel.setApplication(line.application(), arguments.source());
        scope.verbose(3, "Executing [" + at + "] " + line.application() + "(\"" + channel.name() + "\", \""
                + String.join(",", joinedArguments(arguments)) + "\")");
        ApplicationResult result = null;
        try {
            result = application.get().execute(scope, arguments);
            return result == null ? ApplicationResult.CONTINUE : result;
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Application {} failed at {} ({})", line.application(), at, line.at(), e);
            return new ApplicationResult.Error("ERROR");
        } finally {
            // a suspended application still runs: the console shows it until the call resumes
            if (!(result instanceof ApplicationResult.Suspend)) {
                channel.setApplication("", "");
            }
        }
    }

    private static java.util.List<String> joinedArguments(Arguments arguments) {
        java.util.List<String> values = new java.util.ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            values.add(arguments.get(i));
        }
        return values;
    }

    /** Acts on a result; false when the dialplan ends. */
    private boolean follow(ApplicationResult result, CompiledDialplan plan, DialplanLocation at, String callerId)
            throws InterruptedException {
        if (result instanceof ApplicationResult.Continue) {
            channel.setLocation(new DialplanLocation(at.context(), at.extension(), at.priority() + 1));
            return true;
        }
        if (result instanceof ApplicationResult.Hangup) {
            return false;
        }
        if (result instanceof ApplicationResult.Jump jump) {
            return jump(jump, plan, at, callerId);
        }
        if (result instanceof ApplicationResult.Digits digits) {
            return collectAndGo(digits.collected(), plan, at, callerId);
        }
        if (result instanceof ApplicationResult.Error error) {
            return raise(error.reason(), plan, at, callerId);
        }
        throw new IllegalStateException("unknown result " + result);
    }

    private boolean jump(ApplicationResult.Jump jump, CompiledDialplan plan, DialplanLocation at, String callerId) {
        String context = jump.context() == null || jump.context().isEmpty() ? at.context() : jump.context();
        String extension = jump.extension() == null || jump.extension().isEmpty() ? at.extension() : jump.extension();
        String priority = jump.priority().trim();
        int target;
        try {
            if (priority.startsWith("+") || priority.startsWith("-")) {
                target = at.priority() + Integer.parseInt(priority);
            } else {
                target = Integer.parseInt(priority);
            }
        } catch (NumberFormatException label) {
            OptionalInt labelled = plan.findLabel(context, extension, priority, callerId);
            if (labelled.isEmpty()) {
                LOG.error("Goto {},{},{} from {}: no such label; the call ends", context,
                        extension, priority, at);
                return false;
            }
            target = labelled.getAsInt();
        }
        if (target < 1) {
            LOG.error("Goto {},{},{} from {}: priority {} is not 1 or more; the call ends",
                    context, extension, priority, at, target);
            return false;
        }
        channel.setLocation(new DialplanLocation(context, extension, target));
        return true;
    }

    /** Digits were dialled: collect while an extension could still match, then go there. */
    private boolean collectAndGo(String first, CompiledDialplan plan, DialplanLocation at, String callerId)
            throws InterruptedException {
        StringBuilder collected = new StringBuilder(first);
        while (plan.matchMore(at.context(), collected.toString(), callerId)) {
            Optional<Character> digit = readDigit(scope.digitTimeout());
            if (digit.isEmpty()) {
                break;
            }
            collected.append(digit.get());
        }
        if (channel.isHungUp()) {
            return false;
        }
        String extension = collected.toString();
        if (plan.exists(at.context(), extension, callerId)) {
            channel.setLocation(new DialplanLocation(at.context(), extension, 1));
            return true;
        }
        return divertInvalid(plan, new DialplanLocation(at.context(), extension, 1), callerId);
    }

    /** Waits for one DTMF digit; empty on timeout or hangup. */
    Optional<Character> readDigit(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!channel.isHungUp()) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return Optional.empty();
            }
            Frame frame = channel.read(left);
            if (frame instanceof DtmfFrame digit && digit.phase() == DtmfFrame.Phase.END) {
                return Optional.of(digit.digit());
            }
        }
        return Optional.empty();
    }

    /** The extension does not exist: {@code i}, else {@code e}, else the call ends. */
    private boolean divertInvalid(CompiledDialplan plan, DialplanLocation at, String callerId) {
        if (plan.exists(at.context(), "i", callerId)) {
            scope.setVariable("INVALID_EXTEN", at.extension());
            channel.setLocation(new DialplanLocation(at.context(), "i", 1));
            return true;
        }
        if (plan.exists(at.context(), "e", callerId)) {
            scope.setVariable("EXCEPTION", "INVALID");
            channel.setLocation(new DialplanLocation(at.context(), "e", 1));
            return true;
        }
        LOG.warn("No extension '{}' in context '{}' (and no 'i' or 'e' there): the call ends",
                at.extension(), at.context());
        return false;
    }

    /** An application error or a raised exception: {@code e} with EXCEPTION set, else the call ends. */
    private boolean raise(String reason, CompiledDialplan plan, DialplanLocation at, String callerId) {
        if (!at.extension().equals("e") && plan.exists(at.context(), "e", callerId)) {
            scope.setVariable("EXCEPTION", reason);
            channel.setLocation(new DialplanLocation(at.context(), "e", 1));
            return true;
        }
        return false;
    }

    /** The absolute timeout passed: go to {@code T} (or {@code e}); true when the loop should re-read its position. */
    private boolean timedOut() {
        Optional<Instant> deadline = scope.absoluteDeadline();
        if (deadline.isEmpty() || Instant.now().isBefore(deadline.get())) {
            return false;
        }
        scope.setAbsoluteDeadline(null);
        DialplanLocation at = channel.location();
        CompiledDialplan plan = dialplan.get();
        String callerId = channel.callerId().number();
        if (plan.exists(at.context(), "T", callerId)) {
            channel.setLocation(new DialplanLocation(at.context(), "T", 1));
            return true;
        }
        if (raise("ABSOLUTETIMEOUT", plan, at, callerId)) {
            return true;
        }
        channels.hangup(channel, HangupCause.NORMAL_CLEARING);
        return true;
    }

    /** Autofallthrough: the last priority ran; the call ends with a cause that matches DIALSTATUS. */
    private HangupCause ranOffTheEnd(DialplanLocation at) {
        String status = scope.variable("DIALSTATUS").orElse("");
        LOG.debug("Ran off the end of {}@{} (DIALSTATUS {})", at.extension(), at.context(),
                status);
        return switch (status) {
            case "BUSY" -> HangupCause.USER_BUSY;
            case "CONGESTION", "CHANUNAVAIL" -> HangupCause.NORMAL_CIRCUIT_CONGESTION;
            default -> HangupCause.NORMAL_CLEARING;
        };
    }

    /** Moves the call to {@code h} in its current context; false when there is none (or it already ran there). */
    private boolean enterHangupExtension() {
        DialplanLocation at = channel.location();
        CompiledDialplan plan = dialplan.get();
        if (at.extension().equals("h") || !plan.exists(at.context(), "h", channel.callerId().number())) {
            return false;
        }
        channel.setLocation(new DialplanLocation(at.context(), "h", 1));
        inHangupExtension = true;
        return true;
    }
}
