package org.strowger.pbx.internal.apps;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.HangupCause;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Hangup([cause]): a Q.850 number or name; default keeps the cause already set, else 16. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Hangup")
public class HangupApp implements DialplanApplication {

    @Override
    public String description() {
        return "Hangs the call up, with a cause (number or name) if given.";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        HangupCause cause = Causes.parse(arguments.get(0))
                .orElse(call.channel().hangupCause().orElse(HangupCause.NORMAL_CLEARING));
        call.channels().hangup(call.channel(), cause);
        return ApplicationResult.HANGUP;
    }
}
