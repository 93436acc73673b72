package org.strowger.pbx.internal.apps;

import java.time.Duration;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.Channel;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Echo(): sends the caller's audio and digits back; {@code #} ends it. Does not answer. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Echo")
public class EchoApp implements DialplanApplication {

    @Override
    public String description() {
        return "Echoes audio and digits back to the caller until # is pressed.";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        Channel channel = call.channel();
        while (!channel.isHungUp()) {
            Frame frame = channel.read(Duration.ofSeconds(1));
            if (frame == null) {
                continue;
            }
            if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                return ApplicationResult.HANGUP;
            }
            if (frame instanceof DtmfFrame digit) {
                if (digit.digit() == '#' && digit.phase() == DtmfFrame.Phase.END) {
                    return ApplicationResult.CONTINUE;
                }
                channel.write(digit);
            } else if (frame instanceof VoiceFrame) {
                channel.write(frame);
            }
        }
        return ApplicationResult.HANGUP;
    }
}
