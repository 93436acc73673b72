package org.strowger.misdn.internal.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;

/** The conversions for frames that reach the driver in another law than the line's. */
class G711Test {

    @Test
    void silenceAndFullScaleMapBetweenTheLaws() {
        // µ-law 0xFF is 0, the nearest A-law value is +8 (0xD5); and back, +8 is µ-law 0xFE
        assertThat(G711.convert(new byte[] {(byte) 0xff}, Codec.ULAW, Codec.ALAW)).containsExactly((byte) 0xd5);
        assertThat(G711.convert(new byte[] {(byte) 0xd5}, Codec.ALAW, Codec.ULAW)).containsExactly((byte) 0xfe);
        // full scale
        assertThat(G711.convert(new byte[] {(byte) 0x80}, Codec.ULAW, Codec.ALAW)).containsExactly((byte) 0xaa);
    }

    @Test
    void everyAlawValueSurvivesLinearAndBack() {
        for (int i = 0; i < 256; i++) {
            byte a = (byte) i;
            assertThat(G711.linearToAlaw(G711.alawToLinear(a))).as("A-law %02x", i).isEqualTo(a);
        }
    }

    @Test
    void everyUlawValueSurvivesLinearAndBackExceptNegativeZero() {
        for (int i = 0; i < 256; i++) {
            if (i == 0x7f) {
                continue; // -0 encodes as +0
            }
            byte u = (byte) i;
            assertThat(G711.linearToUlaw(G711.ulawToLinear(u))).as("µ-law %02x", i).isEqualTo(u);
        }
    }

    @Test
    void slinIsEncodedToTheLineLaw() {
        byte[] slin = {0, 0, 0, 0};
        assertThat(G711.convert(slin, Codec.SLIN, Codec.ALAW)).containsExactly((byte) 0xd5, (byte) 0xd5);
    }
}
