package org.strowger.misdn.internal.audio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** mISDN's bit order: each byte mirrored, through one table. */
class BitReversalTest {

    @Test
    void mirrorsTheBitsOfEveryByte() {
        assertThat(BitReversal.reverse((byte) 0x01)).isEqualTo((byte) 0x80);
        assertThat(BitReversal.reverse((byte) 0x80)).isEqualTo((byte) 0x01);
        assertThat(BitReversal.reverse((byte) 0xd5)).isEqualTo((byte) 0xab); // A-law silence on the wire
        assertThat(BitReversal.reverse((byte) 0xff)).isEqualTo((byte) 0xff);
        assertThat(BitReversal.reverse((byte) 0x0f)).isEqualTo((byte) 0xf0);
        for (int i = 0; i < 256; i++) {
            int mirrored = 0;
            for (int bit = 0; bit < 8; bit++) {
                if ((i & (1 << bit)) != 0) {
                    mirrored |= 0x80 >> bit;
                }
            }
            assertThat(BitReversal.reverse((byte) i) & 0xff).as("byte %02x", i).isEqualTo(mirrored);
        }
    }

    @Test
    void reversingTwiceGivesTheBytesBackAndLeavesTheInputAlone() {
        byte[] input = {1, 2, 3, (byte) 0xd5};
        byte[] wire = BitReversal.reversed(input);

        assertThat(input).containsExactly(1, 2, 3, (byte) 0xd5);
        assertThat(BitReversal.reversed(wire)).isEqualTo(input);
    }
}
