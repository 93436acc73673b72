package org.strowger.pbx.internal.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.internal.config.PriorityLine;
import org.strowger.pbx.internal.value.DialplanEvaluationException;
import org.strowger.pbx.internal.value.DialplanSyntaxException;

/**
 * Runs the dialplan for one channel, step by step, on a PBX pool thread: look the step up (the
 * dialplan is read anew at every step, so a reload reaches live calls), substitute its
 * arguments in their slots, run the application, follow its result; then the {@code h}
 * extension, then hang up.
 */
public final class CallRunner implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(CallRunner.class);

    private final Channel channel;
    private final ChannelService channels;
    private final DialplanRegistry registry;
    private final Supplier<CompiledDialplan> dialplan;
    private final CallScope scope;

    public CallRunner(Channel channel, ChannelService channels, DialplanRegistry registry, Globals globals,
            Supplier<CompiledDialplan> dialplan) {
        this.channel = channel;
        this.channels = channels;
        this.registry = registry;
        this.dialplan = dialplan;
        this.scope = new CallScope(channel, channels, registry, globals, dialplan);
    }

    @Override
    public void run() {
        HangupCause cause = HangupCause.NORMAL_CLEARING;
        try {
            cause = runSteps(false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("Dialplan failed on {} at {}", channel.name(), channel.location(), e);
        } finally {
            runHangupExtension();
            if (!channel.isHungUp()) {
                channels.hangup(channel, cause);
            }
        }
    }

    /** Runs steps until the call ends; returns the cause to hang up with. */
    private HangupCause runSteps(boolean inHangupExtension) throws InterruptedException {
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
                    return HangupCause.NORMAL_CLEARING;
                }
                if (at.priority() > 1 && plan.exists(at.context(), at.extension(), callerId)) {
                    return ranOffTheEnd(at);
                }
                if (!divertInvalid(plan, at, callerId)) {
                    return HangupCause.UNALLOCATED;
                }
                continue;
            }
            PriorityLine line = found.get();
            ApplicationResult result = execute(plan, line, at);
            if (!follow(result, plan, at, callerId) || (!inHangupExtension && channel.isHungUp())) {
                return HangupCause.NORMAL_CLEARING;
            }
        }
        return HangupCause.NORMAL_CLEARING;
    }

    private ApplicationResult execute(CompiledDialplan plan, PriorityLine line, DialplanLocation at)
            throws InterruptedException {
        Optional<DialplanApplication> application = registry.application(line.application());
        if (application.isEmpty()) {
            LOG.error("[{}] No application '{}' at {} ({}): the call ends", channel.name(), line.application(), at,
                    line.at());
            return ApplicationResult.HANGUP;
        }
        Arguments arguments;
        try {
            arguments = plan.arguments(line, application.get().syntax()).evaluate(scope);
        } catch (DialplanSyntaxException | DialplanEvaluationException e) {
            LOG.error("[{}] {}({}) at {} ({}): {}", channel.name(), line.application(), line.data(), at, line.at(),
                    e.getMessage());
            return new ApplicationResult.Error("ERROR");
        }
        channel.setApplication(line.application(), arguments.source());
        scope.verbose(3, "Executing [" + at + "] " + line.application() + "(\"" + channel.name() + "\", \""
                + String.join(",", joinedArguments(arguments)) + "\")");
        try {
            ApplicationResult result = application.get().execute(scope, arguments);
            return result == null ? ApplicationResult.CONTINUE : result;
        } catch (InterruptedException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("[{}] Application {} failed at {} ({})", channel.name(), line.application(), at, line.at(), e);
            return new ApplicationResult.Error("ERROR");
        } finally {
            channel.setApplication("", "");
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
                LOG.error("[{}] Goto {},{},{} from {}: no such label; the call ends", channel.name(), context,
                        extension, priority, at);
                return false;
            }
            target = labelled.getAsInt();
        }
        if (target < 1) {
            LOG.error("[{}] Goto {},{},{} from {}: priority {} is not 1 or more; the call ends", channel.name(),
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
        LOG.warn("[{}] No extension '{}' in context '{}' (and no 'i' or 'e' there): the call ends", channel.name(),
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
        LOG.debug("[{}] Ran off the end of {}@{} (DIALSTATUS {})", channel.name(), at.extension(), at.context(),
                status);
        return switch (status) {
            case "BUSY" -> HangupCause.USER_BUSY;
            case "CONGESTION", "CHANUNAVAIL" -> HangupCause.NORMAL_CIRCUIT_CONGESTION;
            default -> HangupCause.NORMAL_CLEARING;
        };
    }

    /** Runs {@code h} in the channel's current context once the call has ended. */
    private void runHangupExtension() {
        DialplanLocation at = channel.location();
        CompiledDialplan plan = dialplan.get();
        if (at.extension().equals("h") || !plan.exists(at.context(), "h", channel.callerId().number())) {
            return;
        }
        channel.setLocation(new DialplanLocation(at.context(), "h", 1));
        try {
            runSteps(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("[{}] The h extension failed", channel.name(), e);
        }
    }
}
