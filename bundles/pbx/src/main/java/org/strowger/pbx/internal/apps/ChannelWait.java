package org.strowger.pbx.internal.apps;

import java.time.Duration;
import java.time.Instant;

import org.strowger.channel.Channel;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.Frame;

/** Waiting on a channel while reading (and discarding) what it sends, so a hangup ends the wait at once. */
final class ChannelWait {

    private ChannelWait() {
    }

    /** Waits {@code duration}; false when the channel hung up meanwhile. */
    static boolean pause(Channel channel, Duration duration) throws InterruptedException {
        Instant deadline = Instant.now().plus(duration);
        while (true) {
            if (channel.isHungUp()) {
                return false;
            }
            Duration left = Duration.between(Instant.now(), deadline);
            if (left.isNegative() || left.isZero()) {
                return true;
            }
            Frame frame = channel.read(left);
            if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                return false;
            }
        }
    }

    /** Seconds as written in the dialplan ({@code 2.5}); empty or bad text gives {@code fallback}. */
    static Duration seconds(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            double seconds = Double.parseDouble(text.trim());
            return seconds <= 0 ? Duration.ZERO : Duration.ofMillis(Math.round(seconds * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number of seconds");
        }
    }
}
