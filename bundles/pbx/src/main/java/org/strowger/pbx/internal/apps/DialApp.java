package org.strowger.pbx.internal.apps;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.regex.Pattern;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.internal.engine.CallScope;

/**
 * Dial(TECH/resource[&TECH/resource...][,timeout[,options]]): calls every destination at once;
 * the first to answer is bridged with the caller, the others are hung up with cause 26
 * (ANSWERED_ELSEWHERE). Sets DIALSTATUS (ANSWER, NOANSWER, BUSY, CONGESTION, CHANUNAVAIL,
 * CANCEL, INVALIDARGS), DIALEDTIME and ANSWEREDTIME (seconds), DIALEDPEERNAME.
 *
 * <p>Dial holds a thread only to place the calls: while they ring and while the call is bridged
 * it is suspended (see {@link DialAttempt}), so bridged calls cost no thread.
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
                prepare(call, caller, callee, options);
                callee.call(timeout);
                callees.add(callee);
            } catch (ChannelUnavailableException e) {
                if (callee != null) {
                    // requested but the call could not be placed: it must not linger
                    call.channels().hangup(callee, e.hangupCause());
                }
                LOG.info("Dial {}: {}", destination, e.getMessage());
                anyBusy |= e.hangupCause() == HangupCause.USER_BUSY;
                anyCongested |= e.hangupCause() == HangupCause.NORMAL_CIRCUIT_CONGESTION;
            }
        }
        if (callees.isEmpty()) {
            return DialAttempt.finish(call, started, anyBusy ? "BUSY" : anyCongested ? "CONGESTION" : "CHANUNAVAIL");
        }
        if (options.fakeRinging()) {
            caller.indicate(Control.RINGING);
        }
        caller.setVariable(DialOptions.FEATURES_VARIABLE, options.callerFeatures());
        for (Channel callee : callees) {
            callee.setVariable(DialOptions.FEATURES_VARIABLE, options.calleeFeatures());
        }
        DialAttempt attempt = new DialAttempt(call, executor(call), callees, started, timeout, options, anyBusy,
                anyCongested);
        return attempt.start();
    }

    /** Where the attempt's steps run after a wake-up: the PBX pool (inline only outside the engine). */
    private static Executor executor(DialplanCall call) {
        return call instanceof CallScope scope ? scope.executor() : Runnable::run;
    }

    /**
     * The callee inherits the caller's identity and its _/__ variables, and is placed at the
     * caller's extension (directed pickup finds a ringing call by it).
     */
    private static void prepare(DialplanCall call, Channel caller, Channel callee, DialOptions options) {
        callee.setCallerId(caller.callerId());
        callee.setLocation(new DialplanLocation(call.location().context(), call.location().extension(), 1));
        for (Map.Entry<String, String> variable : caller.variables().entrySet()) {
            String name = variable.getKey();
            if (name.startsWith("__")) {
                callee.setVariable(name, variable.getValue());
            } else if (name.startsWith("_")) {
                callee.setVariable(name.substring(1), variable.getValue());
            }
        }
    }

    private static ApplicationResult invalid(DialplanCall call, String why) {
        LOG.warn("Dial refused: {}", why);
        call.setVariable("DIALSTATUS", "INVALIDARGS");
        return ApplicationResult.CONTINUE;
    }
}
