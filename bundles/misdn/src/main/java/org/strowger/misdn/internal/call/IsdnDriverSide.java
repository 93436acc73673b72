package org.strowger.misdn.internal.call;

import java.time.Duration;

import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

/** The channel core's handle on an ISDN call: the glue layer, nothing more. */
public final class IsdnDriverSide implements DriverSide {

    private final IsdnCall call;

    public IsdnDriverSide(IsdnCall call) {
        this.call = call;
    }

    @Override
    public void call(Duration timeout) throws ChannelUnavailableException {
        call.place();
    }

    @Override
    public void answer() {
        call.answer();
    }

    @Override
    public void hangup(HangupCause cause) {
        call.hangup(cause);
    }

    @Override
    public void write(Frame frame) {
        if (frame instanceof VoiceFrame voice) {
            call.write(voice);
        }
    }

    @Override
    public void indicate(Control control) {
        call.indicate(control);
    }

    public IsdnCall call() {
        return call;
    }
}
