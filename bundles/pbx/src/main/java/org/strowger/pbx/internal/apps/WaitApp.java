package org.strowger.pbx.internal.apps;

import java.time.Duration;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Waits the given seconds (fractions allowed). */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Wait")
public class WaitApp implements DialplanApplication {

    @Override
    public String description() {
        return "Waits the given seconds (fractions allowed).";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        Duration duration = ChannelWait.seconds(arguments.get(0), Duration.ZERO);
        return ChannelWait.pause(call.channel(), duration) ? ApplicationResult.CONTINUE : ApplicationResult.HANGUP;
    }
}
