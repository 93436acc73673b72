package org.strowger.sip.internal.rtp;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.strowger.channel.frame.VoiceFrame;

/** Remembers what a session delivered, and on which threads. */
class RecordingReceiver implements RtpReceiver {

    final Queue<VoiceFrame> frames = new ConcurrentLinkedQueue<>();
    final Queue<String> digits = new ConcurrentLinkedQueue<>();
    final Queue<String> threads = new ConcurrentLinkedQueue<>();

    @Override
    public void voice(VoiceFrame frame) {
        threads.add(Thread.currentThread().getName());
        frames.add(frame);
    }

    @Override
    public void digitBegin(char digit) {
        threads.add(Thread.currentThread().getName());
        digits.add("begin " + digit);
    }

    @Override
    public void digitEnd(char digit, Duration duration) {
        threads.add(Thread.currentThread().getName());
        digits.add("end " + digit + " " + duration.toMillis() + "ms");
    }

    List<VoiceFrame> frameList() {
        return List.copyOf(frames);
    }

    List<String> digitList() {
        return List.copyOf(digits);
    }
}
