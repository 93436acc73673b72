package org.strowger.sip.internal.rtp;

import java.time.Duration;
import org.strowger.channel.frame.VoiceFrame;

/**
 * Where a session delivers what it receives. Every method is called on the session's IO thread,
 * which serves many calls: implementations hand the event on (queue a frame) and must not block.
 */
public interface RtpReceiver {

    /** Audio in the session's codec; the timestamp is the packet's RTP timestamp. */
    void voice(VoiceFrame frame);

    /** An RFC 4733 digit started; reported once per event. */
    void digitBegin(char digit);

    /** An RFC 4733 digit ended; reported once per event, after its begin. */
    void digitEnd(char digit, Duration duration);
}
