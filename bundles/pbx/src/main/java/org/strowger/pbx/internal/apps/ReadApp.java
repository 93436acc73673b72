package org.strowger.pbx.internal.apps;

import java.time.Duration;
import java.time.Instant;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.ChannelState;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/**
 * Read(variable[,prompt[&prompt...][,maxdigits[,options[,attempts[,timeout]]]]]): collects digits
 * into a variable until maxdigits (0: up to 255), {@code #}, or the timeout. Option {@code s}
 * skips when not answered. READSTATUS: OK, TIMEOUT, HANGUP, SKIPPED.
 */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Read")
public class ReadApp implements DialplanApplication {

    private final Sounds sounds;

    @Activate
    public ReadApp(@Reference Sounds sounds) {
        this.sounds = sounds;
    }

    @Override
    public String description() {
        return "Reads digits into a variable, optionally after a prompt.";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments((char) 0, '&');
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        String variable = arguments.get(0).trim();
        if (variable.isEmpty()) {
            throw new IllegalArgumentException("Read needs a variable name");
        }
        int maxDigits = arguments.get(2).isBlank() ? 0 : Integer.parseInt(arguments.get(2).trim());
        if (maxDigits <= 0 || maxDigits > 255) {
            maxDigits = 255;
        }
        String options = arguments.get(3);
        int attempts = arguments.get(4).isBlank() ? 1 : Math.max(1, Integer.parseInt(arguments.get(4).trim()));
        Duration timeout = ChannelWait.seconds(arguments.get(5), call.responseTimeout());
        if (call.channel().state() != ChannelState.UP && options.contains("s")) {
            call.setVariable("READSTATUS", "SKIPPED");
            return ApplicationResult.CONTINUE;
        }
        if (call.channel().state() != ChannelState.UP) {
            call.channel().answer();
        }
        for (int attempt = 0; attempt < attempts; attempt++) {
            StringBuilder digits = new StringBuilder();
            Player.Outcome outcome = Prompts.play(call, sounds, arguments.list(1), true);
            if (outcome.hungUp()) {
                call.setVariable("READSTATUS", "HANGUP");
                return ApplicationResult.HANGUP;
            }
            if (outcome.digit() != null) {
                if (outcome.digit() == '#') {
                    return done(call, variable, digits, "OK");
                }
                digits.append(outcome.digit());
            }
            Instant deadline = Instant.now().plus(timeout);
            while (digits.length() < maxDigits) {
                Duration left = Duration.between(Instant.now(), deadline);
                if (left.isNegative() || left.isZero()) {
                    break;
                }
                Frame frame = call.channel().read(left);
                if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                    call.setVariable("READSTATUS", "HANGUP");
                    return ApplicationResult.HANGUP;
                }
                if (frame instanceof DtmfFrame digit && digit.phase() == DtmfFrame.Phase.END) {
                    if (digit.digit() == '#') {
                        return done(call, variable, digits, "OK");
                    }
                    digits.append(digit.digit());
                    deadline = Instant.now().plus(call.digitTimeout());
                }
            }
            if (digits.length() > 0) {
                return done(call, variable, digits, "OK");
            }
        }
        return done(call, variable, new StringBuilder(), "TIMEOUT");
    }

    private static ApplicationResult done(DialplanCall call, String variable, StringBuilder digits, String status) {
        call.setVariable(variable, digits.toString());
        call.setVariable("READSTATUS", status);
        return ApplicationResult.CONTINUE;
    }
}
