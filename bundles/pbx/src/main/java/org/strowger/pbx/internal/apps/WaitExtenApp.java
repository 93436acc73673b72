package org.strowger.pbx.internal.apps;

import java.time.Duration;
import java.time.Instant;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/**
 * WaitExten([seconds]): waits for the caller to dial an extension. A digit hands over to digit
 * collection; on timeout the call goes to {@code t}, else {@code e}, else ends.
 */
@Component(property = DialplanApplication.NAME_PROPERTY + "=WaitExten")
public class WaitExtenApp implements DialplanApplication {

    @Override
    public String description() {
        return "Waits for digits (default: the response timeout); t on timeout.";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        Duration timeout = ChannelWait.seconds(arguments.get(0), call.responseTimeout());
        Instant deadline = Instant.now().plus(timeout);
        while (!call.channel().isHungUp()) {
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                break;
            }
            Frame frame = call.channel().read(left);
            if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                return ApplicationResult.HANGUP;
            }
            if (frame instanceof DtmfFrame digit && digit.phase() == DtmfFrame.Phase.END) {
                return new ApplicationResult.Digits(String.valueOf(digit.digit()));
            }
        }
        if (call.channel().isHungUp()) {
            return ApplicationResult.HANGUP;
        }
        DialplanLocation at = call.location();
        if (call.exists(at.context(), "t", 1)) {
            return ApplicationResult.jump(at.context(), "t", "1");
        }
        return new ApplicationResult.Error("RESPONSETIMEOUT");
    }
}
