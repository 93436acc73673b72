package org.strowger.examples.tone;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

class ToneSideTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final FakeLink link = new FakeLink();

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }

    @Test
    void callAnswersAtOnceInUlawAndSendsA20msFrameEvery20ms() throws Exception {
        ToneSide side = new ToneSide(link, scheduler, ToneSpec.parse("440"));

        side.call(Duration.ofSeconds(30));
        assertThat(link.states).containsExactly(ChannelState.UP);
        assertThat(link.formats).containsExactly(Codec.ULAW);
        Thread.sleep(500);
        side.hangup(HangupCause.NORMAL_CLEARING);

        List<Frame> frames = List.copyOf(link.frames);
        // 25 frames in 500 ms at an even pace; a loaded machine may be a few late
        assertThat(frames.size()).isBetween(18, 28);
        long expected = 0;
        for (Frame frame : frames) {
            VoiceFrame voice = (VoiceFrame) frame;
            assertThat(voice.codec()).isEqualTo(Codec.ULAW);
            assertThat(voice.samples()).isEqualTo(160);
            assertThat(voice.timestamp()).as("timestamps run on without gaps").isEqualTo(expected);
            expected += 160;
        }
        assertThat(link.violations).isEmpty();
    }

    @Test
    void hangupStopsTheFramesForGood() throws Exception {
        ToneSide side = new ToneSide(link, scheduler, ToneSpec.parse("busy"));
        side.call(Duration.ofSeconds(30));
        Thread.sleep(100);

        side.hangup(HangupCause.NORMAL_CLEARING);
        assertThat(side.sending()).isFalse();
        int afterHangup = link.frames.size();
        Thread.sleep(200);

        assertThat(link.frames).hasSize(afterHangup);
        assertThat(link.farEndHangup).as("hangup comes from the core: no report back").isNull();
    }

    @Test
    void aSideHungUpBeforeItsCallNeverStartsSending() throws Exception {
        ToneSide side = new ToneSide(link, scheduler, ToneSpec.parse("440"));
        side.hangup(HangupCause.NORMAL_CLEARING);

        side.call(Duration.ofSeconds(30));
        Thread.sleep(100);

        assertThat(side.sending()).isFalse();
        assertThat(link.frames).isEmpty();
    }
}
