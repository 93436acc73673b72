package org.strowger.misdn.internal.audio;

import org.strowger.channel.frame.Codec;

/**
 * G.711 conversions for the rare frame that reaches the driver in another format than the line's
 * (the core normally converts to the format the driver declared).
 */
public final class G711 {

    private static final byte[] ALAW_TO_ULAW = new byte[256];
    private static final byte[] ULAW_TO_ALAW = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            ALAW_TO_ULAW[i] = linearToUlaw(alawToLinear((byte) i));
            ULAW_TO_ALAW[i] = linearToAlaw(ulawToLinear((byte) i));
        }
    }

    private G711() {
    }

    /** The payload of a frame in {@code from} as {@code to} (G.711 A/µ-law, or 16-bit little-endian linear). */
    public static byte[] convert(byte[] payload, Codec from, Codec to) {
        if (from == to) {
            return payload;
        }
        if (from == Codec.SLIN) {
            byte[] out = new byte[payload.length / 2];
            for (int i = 0; i < out.length; i++) {
                short sample = (short) ((payload[2 * i] & 0xff) | (payload[2 * i + 1] << 8));
                out[i] = to == Codec.ALAW ? linearToAlaw(sample) : linearToUlaw(sample);
            }
            return out;
        }
        if (to == Codec.SLIN) {
            byte[] out = new byte[payload.length * 2];
            for (int i = 0; i < payload.length; i++) {
                short sample = from == Codec.ALAW ? alawToLinear(payload[i]) : ulawToLinear(payload[i]);
                out[2 * i] = (byte) sample;
                out[2 * i + 1] = (byte) (sample >> 8);
            }
            return out;
        }
        byte[] table = from == Codec.ALAW ? ALAW_TO_ULAW : ULAW_TO_ALAW;
        byte[] out = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            out[i] = table[payload[i] & 0xff];
        }
        return out;
    }

    static short alawToLinear(byte a) {
        int v = (a ^ 0x55) & 0xff;
        int t = (v & 0x0f) << 4;
        int seg = (v & 0x70) >> 4;
        if (seg == 0) {
            t += 8;
        } else if (seg == 1) {
            t += 0x108;
        } else {
            t += 0x108;
            t <<= seg - 1;
        }
        return (short) ((v & 0x80) != 0 ? t : -t);
    }

    static short ulawToLinear(byte u) {
        int v = ~u & 0xff;
        int t = ((v & 0x0f) << 3) + 0x84;
        t <<= (v & 0x70) >> 4;
        return (short) ((v & 0x80) != 0 ? 0x84 - t : t - 0x84);
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
        int seg = segment(pcm, 0x1f);
        if (seg >= 8) {
            return (byte) (0x7f ^ mask);
        }
        int aval = (seg << 4) | (seg < 2 ? (pcm >> 1) & 0x0f : (pcm >> seg) & 0x0f);
        return (byte) (aval ^ mask);
    }

    static byte linearToUlaw(short sample) {
        int pcm = sample;
        int mask;
        if (pcm < 0) {
            pcm = 0x84 - pcm;
            mask = 0x7f;
        } else {
            pcm += 0x84;
            mask = 0xff;
        }
        int seg = segment(pcm, 0xff);
        if (seg >= 8) {
            return (byte) (0x7f ^ mask);
        }
        int uval = (seg << 4) | ((pcm >> (seg + 3)) & 0x0f);
        return (byte) (uval ^ mask);
    }

    /** The segment of a magnitude: the first i with value <= (end + 1) * 2^i - 1, 8 when above every segment. */
    private static int segment(int value, int end) {
        for (int i = 0; i < 8; i++) {
            if (value <= ((end + 1) << i) - 1) {
                return i;
            }
        }
        return 8;
    }
}
