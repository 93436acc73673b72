package org.strowger.pbx.internal.apps;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.ChannelState;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/**
 * Background(prompt[&prompt...][,options]): plays prompts while listening for digits; a digit
 * stops the prompt and starts extension collection. Options: {@code s} skip when not answered,
 * {@code n} do not answer. BACKGROUNDSTATUS is SUCCESS or FAILED.
 */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Background")
public class BackgroundApp implements DialplanApplication {

    private final Sounds sounds;

    @Activate
    public BackgroundApp(@Reference Sounds sounds) {
        this.sounds = sounds;
    }

    @Override
    public String description() {
        return "Plays prompts that a digit interrupts; the digits select an extension.";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments('&');
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        String options = arguments.get(1);
        if (call.channel().state() != ChannelState.UP) {
            if (options.contains("s")) {
                call.setVariable("BACKGROUNDSTATUS", "SUCCESS");
                return ApplicationResult.CONTINUE;
            }
            if (!options.contains("n")) {
                call.channel().answer();
            }
        }
        Player.Outcome outcome = Prompts.play(call, sounds, arguments.list(0), true);
        call.setVariable("BACKGROUNDSTATUS", outcome.hungUp() ? "FAILED" : "SUCCESS");
        if (outcome.hungUp()) {
            return ApplicationResult.HANGUP;
        }
        return outcome.digit() != null ? new ApplicationResult.Digits(String.valueOf(outcome.digit()))
                : ApplicationResult.CONTINUE;
    }
}
