package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

class TranscoderTest {

    @Test
    void everyUlawCodeSurvivesTheRoundTripThroughLinear() {
        for (int code = 0; code < 256; code++) {
            byte encoded = (byte) code;
            byte again = Transcoder.linearToUlaw(Transcoder.ulawToLinear(encoded));
            // 0x7f and 0xff are both zero; zero encodes as 0xff
            assertThat(again).as("ulaw 0x%02x", code).isEqualTo(code == 0x7f ? (byte) 0xff : encoded);
        }
    }

    @Test
    void everyAlawCodeSurvivesTheRoundTripThroughLinear() {
        for (int code = 0; code < 256; code++) {
            byte encoded = (byte) code;
            assertThat(Transcoder.linearToAlaw(Transcoder.alawToLinear(encoded))).as("alaw 0x%02x", code)
                    .isEqualTo(encoded);
        }
    }

    @Test
    void knownValuesMatchG711() {
        assertThat(Transcoder.ulawToLinear((byte) 0xff)).isEqualTo((short) 0);
        assertThat(Transcoder.ulawToLinear((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(Transcoder.ulawToLinear((byte) 0x80)).isEqualTo((short) 32124);
        assertThat(Transcoder.alawToLinear((byte) 0xd5)).isEqualTo((short) 8);
        assertThat(Transcoder.alawToLinear((byte) 0xaa)).isEqualTo((short) 32256);
        assertThat(Transcoder.alawToLinear((byte) 0x2a)).isEqualTo((short) -32256);
        assertThat(Transcoder.linearToUlaw((short) 0)).isEqualTo((byte) 0xff);
        assertThat(Transcoder.linearToAlaw((short) 0)).isEqualTo((byte) 0xd5);
    }

    @Test
    void convertsAWholeFrameKeepingSamplesAndTimestamp() {
        VoiceFrame ulaw = new VoiceFrame(Codec.ULAW, new byte[] {(byte) 0xff, (byte) 0x80}, 2, 4000);

        VoiceFrame alaw = Transcoder.convert(ulaw, Codec.ALAW);
        VoiceFrame slin = Transcoder.convert(ulaw, Codec.SLIN);

        assertThat(alaw.samples()).isEqualTo(2);
        assertThat(alaw.timestamp()).isEqualTo(4000);
        assertThat(alaw.payload()[0]).isEqualTo((byte) 0xd5);
        assertThat(slin.payload()).containsExactly(0, 0, (byte) (32124 & 0xff), (byte) (32124 >> 8));
        assertThat(Transcoder.convert(ulaw, Codec.ULAW)).isSameAs(ulaw);
    }
}
