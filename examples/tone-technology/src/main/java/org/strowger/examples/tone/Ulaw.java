package org.strowger.examples.tone;

/** G.711 µ-law encoding of 16-bit linear samples (ITU-T G.711, with the usual bias and clip). */
final class Ulaw {

    private static final int BIAS = 0x84;
    private static final int CLIP = 32635;

    private Ulaw() {
    }

    /** The µ-law byte for one signed 16-bit sample. */
    static byte encode(int sample) {
        int sign = (sample >> 8) & 0x80;
        if (sign != 0) {
            sample = -sample;
        }
        if (sample > CLIP) {
            sample = CLIP;
        }
        sample += BIAS;
        int exponent = 7;
        for (int mask = 0x4000; (sample & mask) == 0 && exponent > 0; mask >>= 1) {
            exponent--;
        }
        int mantissa = (sample >> (exponent + 3)) & 0x0F;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    /** The linear sample a µ-law byte stands for (for tests and meters). */
    static int decode(byte ulaw) {
        int value = ~ulaw & 0xFF;
        int sign = value & 0x80;
        int exponent = (value >> 4) & 0x07;
        int mantissa = value & 0x0F;
        int sample = (((mantissa << 3) + BIAS) << exponent) - BIAS;
        return sign != 0 ? -sample : sample;
    }
}
