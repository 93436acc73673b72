package org.strowger.channel.core;

import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

/**
 * Converts voice between µ-law, A-law and signed linear (G.711 and 16-bit little-endian PCM).
 * µ-law and A-law convert through tables, one lookup per sample.
 */
final class Transcoder {

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ULAW_TO_LINEAR[i] = ulawToLinear((byte) i);
            ALAW_TO_LINEAR[i] = alawToLinear((byte) i);
        }
        for (int i = 0; i < 256; i++) {
            ULAW_TO_ALAW[i] = linearToAlaw(ULAW_TO_LINEAR[i]);
            ALAW_TO_ULAW[i] = linearToUlaw(ALAW_TO_LINEAR[i]);
        }
    }

    private Transcoder() {
    }

    /** The same audio in {@code target}; the frame itself when it is already in that codec. */
    static VoiceFrame convert(VoiceFrame frame, Codec target) {
        if (frame.codec() == target) {
            return frame;
        }
        byte[] in = frame.payload();
        int samples = frame.samples();
        byte[] out = new byte[samples * target.bytesPerSample()];
        for (int i = 0; i < samples; i++) {
            switch (frame.codec()) {
                case ULAW -> put(target, out, i, in[i], ULAW_TO_ALAW, ULAW_TO_LINEAR);
                case ALAW -> put(target, out, i, in[i], ALAW_TO_ULAW, ALAW_TO_LINEAR);
                case SLIN -> {
                    short linear = (short) ((in[2 * i] & 0xff) | (in[2 * i + 1] << 8));
                    out[i] = target == Codec.ULAW ? linearToUlaw(linear) : linearToAlaw(linear);
                }
            }
        }
        return new VoiceFrame(target, out, samples, frame.timestamp());
    }

    private static void put(Codec target, byte[] out, int i, byte sample, byte[] toOtherLaw, short[] toLinear) {
        if (target == Codec.SLIN) {
            short linear = toLinear[sample & 0xff];
            out[2 * i] = (byte) linear;
            out[2 * i + 1] = (byte) (linear >> 8);
        } else {
            out[i] = toOtherLaw[sample & 0xff];
        }
    }

    static short ulawToLinear(byte encoded) {
        int u = ~encoded & 0xff;
        int t = ((u & 0x0f) << 3) + 0x84;
        t <<= (u & 0x70) >> 4;
        return (short) ((u & 0x80) != 0 ? 0x84 - t : t - 0x84);
    }

    static byte linearToUlaw(short sample) {
        int pcm = sample;
        int sign = 0;
        if (pcm < 0) {
            pcm = -pcm;
            sign = 0x80;
        }
        pcm = Math.min(pcm, 32635) + 0x84;
        int exponent = 31 - Integer.numberOfLeadingZeros(pcm >> 7);
        int mantissa = (pcm >> (exponent + 3)) & 0x0f;
        return (byte) ~(sign | (exponent << 4) | mantissa);
    }

    static short alawToLinear(byte encoded) {
        int a = (encoded ^ 0x55) & 0xff;
        int t = (a & 0x0f) << 4;
        int segment = (a & 0x70) >> 4;
        if (segment == 0) {
            t += 8;
        } else {
            t = (t + 0x108) << (segment - 1);
        }
        return (short) ((a & 0x80) != 0 ? t : -t);
    }

    static byte linearToAlaw(short sample) {
        int pcm = sample >> 3;
        int mask;
        if (pcm >= 0) {
            mask = 0xd5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int segment = pcm <= 0x1f ? 0 : 32 - Integer.numberOfLeadingZeros(pcm >> 5);
        if (segment >= 8) {
            return (byte) (0x7f ^ mask);
        }
        int mantissa = segment < 2 ? (pcm >> 1) & 0x0f : (pcm >> segment) & 0x0f;
        return (byte) (((segment << 4) | mantissa) ^ mask);
    }
}
