package org.strowger.sip.internal.session;

import java.time.Duration;

import org.strowger.channel.Channel;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

/** The channel core's handle on a SIP call: the glue layer, nothing more. */
final class SipDriverSide implements DriverSide {

    private final SipCall call;
    private final OutboundCalls outbound;

    SipDriverSide(SipCall call, OutboundCalls outbound) {
        this.call = call;
        this.outbound = outbound;
    }

    @Override
    public void call(Duration timeout) throws ChannelUnavailableException {
        if (call.isInbound() || outbound == null) {
            throw new ChannelUnavailableException(HangupCause.WRONG_CALL_STATE, "an inbound SIP call cannot be called");
        }
        outbound.sendInvite(call);
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

    @Override
    public void digitBegin(char digit) {
        call.sendDigitBegin(digit);
    }

    @Override
    public void digitEnd(char digit, Duration duration) {
        call.sendDigitEnd(digit, duration);
    }

    @Override
    public void fixup(Channel oldOwner, Channel newOwner) {
        // the link follows the side: reports already reach the new owner
    }

    SipCall call() {
        return call;
    }
}
