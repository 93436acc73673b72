package org.strowger.pbx.internal.apps;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** SayDigits(digits): says each digit ({@code 0-9 * #}); other characters are skipped. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=SayDigits")
public class SayDigitsApp implements DialplanApplication {

    private final Sounds sounds;

    @Activate
    public SayDigitsApp(@Reference Sounds sounds) {
        this.sounds = sounds;
    }

    @Override
    public String description() {
        return "Says the digits given, one by one.";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        boolean interruptible = "true".equalsIgnoreCase(call.variable("SAY_DTMF_INTERRUPT").orElse(""));
        Player.Outcome outcome = Prompts.play(call, sounds, Prompts.forDigits(arguments.get(0)), interruptible);
        if (outcome.hungUp()) {
            return ApplicationResult.HANGUP;
        }
        return outcome.digit() != null ? new ApplicationResult.Digits(String.valueOf(outcome.digit()))
                : ApplicationResult.CONTINUE;
    }
}
