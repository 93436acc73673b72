package org.strowger.pbx.internal.apps;

import org.strowger.channel.frame.Control;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Tells the caller that in-band progress (audio) follows. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Progress")
public class ProgressApp implements DialplanApplication {

    @Override
    public String description() {
        return "Tells the caller that in-band progress (audio) follows.";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        call.channel().indicate(Control.PROGRESS);
        return ApplicationResult.CONTINUE;
    }
}
