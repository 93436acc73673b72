package org.strowger.pbx.internal.apps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/**
 * Dial(TECH/resource[&TECH/resource...][,timeout[,options]]): calls every destination at once;
 * the first to answer is bridged with the caller, the others are hung up with cause 26
 * (ANSWERED_ELSEWHERE). Sets DIALSTATUS (ANSWER, NOANSWER, BUSY, CONGESTION, CHANUNAVAIL,
 * CANCEL, INVALIDARGS), DIALEDTIME and ANSWEREDTIME (seconds), DIALEDPEERNAME.
 *
 * <p>The {@code &} list is split when the dialplan is loaded: a destination built from a
 * caller-controlled value ({@code SIP/${EXTEN}}) stays one destination whatever it contains, and
 * a destination that carries list or argument separators is refused with INVALIDARGS.
 */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Dial")
public class DialApp implements DialplanApplication {

    private static final Logger LOG = LoggerFactory.getLogger(DialApp.class);
    /** A destination as a driver expects it: a technology, a slash, and no separators in the resource. */
    private static final Pattern DESTINATION = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]*/[^&,^|\\s]+");
    private static final Duration POLL = Duration.ofMillis(20);

    @Override
    public String description() {
        return "Calls one or more destinations and bridges the first that answers.";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments('&');
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        Channel caller = call.channel();
        Instant started = Instant.now();
        List<String> destinations = arguments.list(0);
        DialOptions options;
        Duration timeout;
        try {
            options = DialOptions.parse(arguments.get(2));
            timeout = ChannelWait.seconds(arguments.get(1), Duration.ZERO);
        } catch (IllegalArgumentException e) {
            return invalid(call, e.getMessage());
        }
        if (destinations.isEmpty()) {
            return invalid(call, "Dial needs at least one TECH/resource destination");
        }
        for (String destination : destinations) {
            if (!DESTINATION.matcher(destination).matches()) {
                return invalid(call, "destination '" + destination + "' is not TECH/resource without separators"
                        + " (a substituted value cannot add destinations or arguments)");
            }
        }
        List<Channel> callees = new ArrayList<>();
        boolean anyBusy = false;
        boolean anyCongested = false;
        for (String destination : destinations) {
            Channel callee = null;
            try {
                callee = call.channels().request(destination);
                prepare(call, caller, callee);
                callee.call(timeout);
                callees.add(callee);
            } catch (ChannelUnavailableException e) {
                if (callee != null) {
                    // requested but the call could not be placed: it must not linger
                    call.channels().hangup(callee, e.hangupCause());
                }
                LOG.info("[{}] Dial {}: {}", caller.name(), destination, e.getMessage());
                anyBusy |= e.hangupCause() == HangupCause.USER_BUSY;
                anyCongested |= e.hangupCause() == HangupCause.NORMAL_CIRCUIT_CONGESTION;
            }
        }
        if (callees.isEmpty()) {
            return finish(call, started, anyBusy ? "BUSY" : anyCongested ? "CONGESTION" : "CHANUNAVAIL");
        }
        if (options.fakeRinging()) {
            caller.indicate(Control.RINGING);
        }
        Instant giveUp = timeout.isZero() ? Instant.MAX : Instant.now().plus(timeout);
        while (true) {
            if (caller.isHungUp() || drainCaller(caller)) {
                hangUpAll(call, callees, HangupCause.NORMAL_CLEARING);
                return finish(call, started, "CANCEL");
            }
            Channel answered = null;
            for (Channel callee : List.copyOf(callees)) {
                relayProgress(callee, caller);
                if (callee.isHungUp()) {
                    callees.remove(callee);
                    HangupCause cause = callee.hangupCause().orElse(HangupCause.NORMAL_CLEARING);
                    anyBusy |= cause == HangupCause.USER_BUSY;
                    anyCongested |= cause == HangupCause.NORMAL_CIRCUIT_CONGESTION;
                } else if (callee.state() == ChannelState.BUSY) {
                    anyBusy = true;
                    callees.remove(callee);
                    call.channels().hangup(callee, HangupCause.USER_BUSY);
                } else if (callee.state() == ChannelState.UP && answered == null) {
                    answered = callee;
                }
            }
            if (answered != null) {
                callees.remove(answered);
                hangUpAll(call, callees, HangupCause.ANSWERED_ELSEWHERE);
                return bridge(call, caller, answered, started, options);
            }
            if (callees.isEmpty()) {
                return finish(call, started, anyBusy ? "BUSY" : anyCongested ? "CONGESTION" : "NOANSWER");
            }
            if (Instant.now().isAfter(giveUp)) {
                hangUpAll(call, callees, HangupCause.NO_ANSWER);
                return finish(call, started, "NOANSWER");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** The callee inherits the caller's identity and its _/__ variables. */
    private static void prepare(DialplanCall call, Channel caller, Channel callee) {
        callee.setCallerId(caller.callerId());
        for (Map.Entry<String, String> variable : caller.variables().entrySet()) {
            String name = variable.getKey();
            if (name.startsWith("__")) {
                callee.setVariable(name, variable.getValue());
            } else if (name.startsWith("_")) {
                callee.setVariable(name.substring(1), variable.getValue());
            }
        }
    }

    private ApplicationResult bridge(DialplanCall call, Channel caller, Channel callee, Instant started,
            DialOptions options) throws InterruptedException {
        Instant answeredAt = Instant.now();
        call.setVariable("DIALEDPEERNAME", callee.name());
        call.setVariable("DIALSTATUS", "ANSWER");
        call.setVariable("DIALEDTIME", seconds(started, answeredAt));
        if (caller.state() != ChannelState.UP) {
            caller.answer();
        }
        Bridge bridge;
        try {
            bridge = call.channels().bridge(caller, callee);
        } catch (IllegalStateException e) {
            LOG.warn("[{}] Could not bridge with {}: {}", caller.name(), callee.name(), e.getMessage());
            call.channels().hangup(callee, HangupCause.NORMAL_TEMPORARY_FAILURE);
            return finish(call, started, "CONGESTION");
        }
        while (bridge.isActive()) {
            Thread.sleep(POLL.toMillis() * 5);
        }
        Instant ended = Instant.now();
        call.setVariable("ANSWEREDTIME", seconds(answeredAt, ended));
        call.setVariable("DIALEDTIME", seconds(started, ended));
        if (!caller.isHungUp() && !callee.isHungUp()) {
            call.channels().hangup(callee, HangupCause.NORMAL_CLEARING);
        }
        return options.continueAfterCallee() && !caller.isHungUp() ? ApplicationResult.CONTINUE
                : ApplicationResult.HANGUP;
    }

    /** Reads the caller's frames while dialling; true when it hung up. */
    private static boolean drainCaller(Channel caller) throws InterruptedException {
        Frame frame;
        while ((frame = caller.read(Duration.ZERO)) != null) {
            if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                return true;
            }
        }
        return false;
    }

    /** Passes a callee's ringing and progress on to the caller. */
    private static void relayProgress(Channel callee, Channel caller) throws InterruptedException {
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

    private static void hangUpAll(DialplanCall call, List<Channel> callees, HangupCause cause) {
        for (Channel callee : callees) {
            call.channels().hangup(callee, cause);
        }
    }

    private static ApplicationResult invalid(DialplanCall call, String why) {
        LOG.warn("[{}] Dial refused: {}", call.channel().name(), why);
        call.setVariable("DIALSTATUS", "INVALIDARGS");
        return ApplicationResult.CONTINUE;
    }

    private static ApplicationResult finish(DialplanCall call, Instant started, String status) {
        call.setVariable("DIALSTATUS", status);
        call.setVariable("DIALEDTIME", seconds(started, Instant.now()));
        call.setVariable("ANSWEREDTIME", "0");
        return status.equals("CANCEL") ? ApplicationResult.HANGUP : ApplicationResult.CONTINUE;
    }

    private static String seconds(Instant from, Instant to) {
        return Long.toString(Duration.between(from, to).toSeconds());
    }
}
