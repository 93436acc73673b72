package org.strowger.pbx.internal.apps;

import java.time.Duration;
import java.util.Arrays;

import org.strowger.channel.Channel;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

/**
 * Plays µ-law audio to a channel at real-time pace, 20 ms a frame, reading what the channel
 * sends meanwhile: a hangup stops it, and so may a digit when the caller may interrupt.
 */
final class Player {

    /** How a playback ended. */
    record Outcome(boolean hungUp, Character digit) {
        static final Outcome DONE = new Outcome(false, null);
        static final Outcome HUNG_UP = new Outcome(true, null);
    }

    private static final int SAMPLES_PER_FRAME = 160;
    private static final long FRAME_NANOS = 20_000_000L;

    private Player() {
    }

    static Outcome play(Channel channel, byte[] ulaw, boolean interruptible) throws InterruptedException {
        long next = System.nanoTime();
        long timestamp = 0;
        for (int offset = 0; offset < ulaw.length; offset += SAMPLES_PER_FRAME) {
            byte[] chunk = Arrays.copyOfRange(ulaw, offset, Math.min(ulaw.length, offset + SAMPLES_PER_FRAME));
            if (!channel.write(new VoiceFrame(Codec.ULAW, chunk, chunk.length, timestamp))) {
                return Outcome.HUNG_UP;
            }
            timestamp += chunk.length;
            next += FRAME_NANOS;
            long wait = next - System.nanoTime();
            Frame frame = channel.read(Duration.ofNanos(Math.max(0, wait)));
            while (frame != null) {
                if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                    return Outcome.HUNG_UP;
                }
                if (interruptible && frame instanceof DtmfFrame digit && digit.phase() == DtmfFrame.Phase.END) {
                    return new Outcome(false, digit.digit());
                }
                long left = next - System.nanoTime();
                frame = left > 0 ? channel.read(Duration.ofNanos(left)) : null;
            }
        }
        return channel.isHungUp() ? Outcome.HUNG_UP : Outcome.DONE;
    }
}
