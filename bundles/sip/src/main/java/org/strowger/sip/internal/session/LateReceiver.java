package org.strowger.sip.internal.session;

import java.time.Duration;

import org.strowger.channel.frame.VoiceFrame;
import org.strowger.sip.internal.rtp.RtpReceiver;

/** The RTP session is opened before its call exists (the SDP needs the port); media goes to the call once set. */
final class LateReceiver implements RtpReceiver {

    private volatile SipCall call;

    void set(SipCall call) {
        this.call = call;
    }

    @Override
    public void voice(VoiceFrame frame) {
        SipCall target = call;
        if (target != null) {
            target.voice(frame);
        }
    }

    @Override
    public void digitBegin(char digit) {
        SipCall target = call;
        if (target != null) {
            target.digitBegin(digit);
        }
    }

    @Override
    public void digitEnd(char digit, Duration duration) {
        SipCall target = call;
        if (target != null) {
            target.digitEnd(digit, duration);
        }
    }
}
