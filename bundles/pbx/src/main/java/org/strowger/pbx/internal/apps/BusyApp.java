package org.strowger.pbx.internal.apps;

import java.time.Duration;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Busy([seconds]): indicates busy, waits, and ends the call with cause 17 if it was not answered. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Busy")
public class BusyApp implements DialplanApplication {

    @Override
    public String description() {
        return "Indicates busy, waits the given seconds (default until hangup, at most 30 s), ends the call.";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        return Refusal.refuse(call, Control.BUSY, HangupCause.USER_BUSY, arguments.get(0));
    }

    /** Busy and Congestion share their shape. */
    static final class Refusal {
        private Refusal() {
        }

        static ApplicationResult refuse(DialplanCall call, Control control, HangupCause cause, String seconds)
                throws InterruptedException {
            call.channel().indicate(control);
            if (call.channel().state() != ChannelState.UP) {
                call.setVariable("PRI_CAUSE", Integer.toString(cause.code()));
            }
            ChannelWait.pause(call.channel(), ChannelWait.seconds(seconds, Duration.ofSeconds(30)));
            call.channels().hangup(call.channel(), call.channel().state() == ChannelState.UP
                    ? HangupCause.NORMAL_CLEARING : cause);
            return ApplicationResult.HANGUP;
        }
    }
}
