package org.strowger.pbx.internal.apps;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Congestion([seconds]): indicates congestion, waits, ends the call with cause 34 if it was not answered. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Congestion")
public class CongestionApp implements DialplanApplication {

    @Override
    public String description() {
        return "Indicates congestion, waits the given seconds (default at most 30 s), ends the call.";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        return BusyApp.Refusal.refuse(call, Control.CONGESTION, HangupCause.NORMAL_CIRCUIT_CONGESTION,
                arguments.get(0));
    }
}
