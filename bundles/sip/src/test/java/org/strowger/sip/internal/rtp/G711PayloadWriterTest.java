package org.strowger.sip.internal.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

class G711PayloadWriterTest {

    private final byte[] out = new byte[20];

    @Test
    void sameCodecIsCopiedAtTheOffset() {
        VoiceFrame frame = new VoiceFrame(Codec.ULAW, new byte[] {1, 2, 3}, 3, 0);

        assertThat(G711PayloadWriter.write(frame, Codec.ULAW, out, 12)).isEqualTo(3);
        assertThat(java.util.Arrays.copyOfRange(out, 0, 16)).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 3, 0);
    }

    @Test
    void lawsAreConvertedByteForByte() {
        VoiceFrame ulaw = new VoiceFrame(Codec.ULAW, new byte[] {(byte) 0xFF, 0x00}, 2, 0);
        VoiceFrame alaw = new VoiceFrame(Codec.ALAW, new byte[] {(byte) 0xD5, 0x2A}, 2, 0);

        G711PayloadWriter.write(ulaw, Codec.ALAW, out, 0);
        assertThat(out[0]).isEqualTo((byte) 0xD5);
        assertThat(out[1]).isEqualTo(G711.ulawToAlaw((byte) 0x00));
        G711PayloadWriter.write(alaw, Codec.ULAW, out, 0);
        assertThat(out[0]).isEqualTo((byte) 0xFE);
        assertThat(out[1]).isEqualTo(G711.alawToUlaw((byte) 0x2A));
    }

    @Test
    void littleEndianLinearIsEncoded() {
        short[] samples = {0, 1000, -1000, 32767};
        byte[] slin = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            slin[2 * i] = (byte) samples[i];
            slin[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        VoiceFrame frame = new VoiceFrame(Codec.SLIN, slin, samples.length, 0);

        assertThat(G711PayloadWriter.write(frame, Codec.ULAW, out, 0)).isEqualTo(4);
        assertThat(out).startsWith((byte) 0xFF, (byte) 0xCE, (byte) 0x4E, (byte) 0x80);
        G711PayloadWriter.write(frame, Codec.ALAW, out, 0);
        assertThat(out).startsWith((byte) 0xD5, (byte) 0xFA, G711.linearToAlaw((short) -1000), (byte) 0xAA);
    }

    @Test
    void linearIsNotASessionCodec() {
        VoiceFrame frame = new VoiceFrame(Codec.ULAW, new byte[1], 1, 0);

        assertThatThrownBy(() -> G711PayloadWriter.write(frame, Codec.SLIN, out, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
