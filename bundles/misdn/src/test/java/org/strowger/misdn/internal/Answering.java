package org.strowger.misdn.internal;

import java.time.Duration;

import org.strowger.channel.Channel;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

/** The far end of the tests' calls: answers and sends back every voice frame until hung up. */
final class Answering {

    private Answering() {
    }

    static void answerAndEcho(Channel channel) {
        channel.answer();
        try {
            while (!channel.isHungUp()) {
                Frame frame = channel.read(Duration.ofMillis(100));
                if (frame instanceof VoiceFrame voice) {
                    channel.write(voice);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
