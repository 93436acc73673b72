package org.strowger.misdn.internal.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

/** Whatever sizes the card delivers, the core gets 20 ms frames of straight G.711 with running timestamps. */
class RxChunkerTest {

    @Test
    void chunksOfAnySizeBecome160SampleFramesUnreversed() {
        RxChunker chunker = new RxChunker(Codec.ALAW);
        byte[] wire = new byte[128]; // 16 ms, as a real card's tick
        java.util.Arrays.fill(wire, BitReversal.reverse((byte) 0x55));

        assertThat(chunker.accept(wire)).isEmpty();
        List<VoiceFrame> frames = chunker.accept(wire);
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).samples()).isEqualTo(160);
        assertThat(frames.get(0).codec()).isEqualTo(Codec.ALAW);
        assertThat(frames.get(0).payload()).containsOnly((byte) 0x55);
        assertThat(frames.get(0).timestamp()).isZero();

        // 96 bytes were left over: with 400 more, three frames
        assertThat(chunker.accept(new byte[400])).extracting(VoiceFrame::timestamp).containsExactly(160L, 320L, 480L);
    }
}
