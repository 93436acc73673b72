package org.strowger.sip.internal.rtp;

import java.time.Duration;

/**
 * Turns the packets of incoming RFC 4733 events into one begin and one end per digit. A new
 * event is one with a new RTP timestamp; its updates, the redundant end packets and
 * retransmissions share that timestamp and are ignored once reported. Used on the IO thread only.
 */
final class TelephoneEventDetector {

    private boolean inEvent;
    private boolean ended;
    private long eventTimestamp;
    private char digit;
    private int lastDuration;

    void onEvent(long timestamp, int code, boolean end, int duration, RtpReceiver receiver) {
        char eventDigit = TelephoneEvent.digit(code);
        if (eventDigit == 0) {
            return; // flash and tones: not DTMF, nothing to report
        }
        if (!inEvent || timestamp != eventTimestamp) {
            if (inEvent && !ended) {
                // every end packet of the previous digit was lost: close it with what we saw
                receiver.digitEnd(digit, samplesToDuration(lastDuration));
            }
            inEvent = true;
            ended = false;
            eventTimestamp = timestamp;
            digit = eventDigit;
            receiver.digitBegin(eventDigit);
        }
        lastDuration = duration;
        if (end && !ended) {
            ended = true;
            receiver.digitEnd(digit, samplesToDuration(duration));
        }
    }

    private static Duration samplesToDuration(int samples) {
        return Duration.ofMillis(samples / 8L);
    }
}
