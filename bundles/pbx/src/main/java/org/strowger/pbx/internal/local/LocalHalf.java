package org.strowger.pbx.internal.local;

import java.time.Duration;

import org.strowger.channel.ChannelLink;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

/** One half of a Local channel: its far end is the other half. */
final class LocalHalf implements DriverSide {

    final LocalPair pair;
    final ChannelLink link;
    private volatile LocalTechnology.Starter starter;

    LocalHalf(LocalPair pair, ChannelLink link) {
        this.pair = pair;
        this.link = link;
    }

    void onCall(LocalTechnology.Starter start) {
        this.starter = start;
    }

    @Override
    public void call(Duration timeout) throws org.strowger.channel.ChannelUnavailableException {
        LocalTechnology.Starter start = starter;
        if (start == null) {
            throw new org.strowger.channel.ChannelUnavailableException(HangupCause.NORMAL_TEMPORARY_FAILURE,
                    "the inner half of a Local channel places no calls");
        }
        start.start(pair);
    }

    @Override
    public void answer() {
        deliver(ControlFrame.of(Control.ANSWER));
    }

    @Override
    public void hangup(HangupCause cause) {
        pair.halfReleased(this, cause);
    }

    @Override
    public void write(Frame frame) {
        deliver(frame);
        if (frame instanceof VoiceFrame) {
            pair.considerOptimizing();
        }
    }

    @Override
    public void indicate(Control control) {
        deliver(ControlFrame.of(control));
    }

    @Override
    public void digitBegin(char digit) {
        deliver(DtmfFrame.begin(digit));
    }

    @Override
    public void digitEnd(char digit, Duration duration) {
        deliver(DtmfFrame.end(digit, duration));
    }

    /** What this half sends, the other half receives. */
    private void deliver(Frame frame) {
        LocalHalf other = pair.otherThan(this);
        if (other != null) {
            other.link.queueFrame(frame);
        }
    }
}
