package org.strowger.misdn.internal.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

/** The jitter buffer between a card's 16 ms line ticks and the 20 ms frames the core gets. */
class RxPacerBufferTest {

    private final RxPacer.Buffer buffer = new RxPacer.Buffer();

    private static VoiceFrame frame(long timestamp) {
        return new VoiceFrame(Codec.ALAW, new byte[160], 160, timestamp);
    }

    @Test
    void itStartsOnceTwoFramesAreInAndHandsOutOnePerTick() {
        buffer.add(List.of(frame(0)));
        assertThat(buffer.next()).isNull();
        buffer.add(List.of(frame(160)));

        assertThat(buffer.next().timestamp()).isZero();
        assertThat(buffer.next().timestamp()).isEqualTo(160);
        assertThat(buffer.next()).as("ran dry").isNull();
    }

    @Test
    void aLoneFrameGoesOutAfterWaitingTwoTicks() {
        buffer.add(List.of(frame(0)));

        assertThat(buffer.next()).isNull();
        assertThat(buffer.next()).isNotNull();
    }

    @Test
    void theLineSixteenMillisecondRhythmComesOutEveryTwentyWithoutGaps() {
        // 128 bytes every 16 ms complete a 160-byte frame at 32, 48, 64, 96, 112, 128 ms ...; ticks every 20 ms
        RxChunker chunker = new RxChunker(Codec.ALAW);
        int handedOut = 0;
        int gapsAfterStart = 0;
        boolean started = false;
        long lineMicros = 0;
        for (long tickMicros = 20_000; tickMicros <= 2_000_000; tickMicros += 20_000) {
            while (lineMicros + 16_000 <= tickMicros) {
                lineMicros += 16_000;
                buffer.add(chunker.accept(new byte[128]));
            }
            VoiceFrame frame = buffer.next();
            if (frame != null) {
                handedOut++;
                started = true;
            } else if (started) {
                gapsAfterStart++;
            }
        }
        assertThat(gapsAfterStart).isZero();
        assertThat(handedOut).isBetween(97, 100);
    }

    @Test
    void beyondTwoHundredMillisecondsTheOldestIsDropped() {
        for (int i = 0; i < 12; i++) {
            buffer.add(List.of(frame(i * 160L)));
        }

        assertThat(buffer.dropped()).isEqualTo(2);
        assertThat(buffer.next().timestamp()).isEqualTo(320);
    }
}
