package org.strowger.pbx.internal.apps;

import java.time.Duration;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Answers the call, then waits the given milliseconds. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Answer")
public class AnswerApp implements DialplanApplication {

    @Override
    public String description() {
        return "Answers the call, then waits the given milliseconds.";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        call.channel().answer();
        if (!arguments.get(0).isBlank()) {
            long millis;
            try {
                millis = Long.parseLong(arguments.get(0).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Answer delay '" + arguments.get(0) + "' is not milliseconds");
            }
            if (!ChannelWait.pause(call.channel(), Duration.ofMillis(millis))) {
                return ApplicationResult.HANGUP;
            }
        }
        return call.channel().isHungUp() ? ApplicationResult.HANGUP : ApplicationResult.CONTINUE;
    }
}
