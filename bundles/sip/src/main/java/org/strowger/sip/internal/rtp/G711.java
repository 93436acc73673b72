package org.strowger.sip.internal.rtp;

/**
 * ITU-T G.711 µ-law and A-law, by table lookup. Linear samples are 16-bit; as G.711 specifies,
 * µ-law looks at their top 14 bits and A-law at their top 13, negative values by their one's
 * complement (so -1 and 0 both land on the smallest step). The tables are computed once from the
 * segment rules below and are read-only afterwards.
 */
public final class G711 {

    /** µ-law bias in the 14-bit domain (132 in 16-bit terms): shifts every segment to a power of two. */
    private static final int ULAW_BIAS = 33;
    private static final int ULAW_MAX_BIASED = 0x1FFF;

    private static final short[] ULAW_TO_LINEAR = new short[256];
    private static final short[] ALAW_TO_LINEAR = new short[256];
    /** Indexed by the 14-bit sample plus 8192. */
    private static final byte[] LINEAR_TO_ULAW = new byte[1 << 14];
    /** Indexed by the 13-bit sample plus 4096. */
    private static final byte[] LINEAR_TO_ALAW = new byte[1 << 13];
    private static final byte[] ULAW_TO_ALAW = new byte[256];
    private static final byte[] ALAW_TO_ULAW = new byte[256];

    static {
        for (int code = 0; code < 256; code++) {
            ULAW_TO_LINEAR[code] = (short) expandUlaw(code);
            ALAW_TO_LINEAR[code] = (short) expandAlaw(code);
        }
        for (int sample14 = -8192; sample14 < 8192; sample14++) {
            LINEAR_TO_ULAW[sample14 + 8192] = (byte) compressUlaw(sample14);
        }
        for (int sample13 = -4096; sample13 < 4096; sample13++) {
            LINEAR_TO_ALAW[sample13 + 4096] = (byte) compressAlaw(sample13);
        }
        for (int code = 0; code < 256; code++) {
            ULAW_TO_ALAW[code] = linearToAlaw(ULAW_TO_LINEAR[code]);
            ALAW_TO_ULAW[code] = linearToUlaw(ALAW_TO_LINEAR[code]);
        }
    }

    private G711() {
    }

    public static short ulawToLinear(byte ulaw) {
        return ULAW_TO_LINEAR[ulaw & 0xFF];
    }

    public static short alawToLinear(byte alaw) {
        return ALAW_TO_LINEAR[alaw & 0xFF];
    }

    public static byte linearToUlaw(short sample) {
        return LINEAR_TO_ULAW[(sample >> 2) + 8192];
    }

    public static byte linearToAlaw(short sample) {
        return LINEAR_TO_ALAW[(sample >> 3) + 4096];
    }

    public static byte ulawToAlaw(byte ulaw) {
        return ULAW_TO_ALAW[ulaw & 0xFF];
    }

    public static byte alawToUlaw(byte alaw) {
        return ALAW_TO_ULAW[alaw & 0xFF];
    }

    /** µ-law code for a 14-bit sample: sign, 3-bit segment, 4-bit step, all bits inverted. */
    private static int compressUlaw(int sample14) {
        boolean positive = sample14 >= 0;
        int magnitude = positive ? sample14 : ~sample14;
        int biased = Math.min(magnitude + ULAW_BIAS, ULAW_MAX_BIASED);
        int segment = (31 - Integer.numberOfLeadingZeros(biased)) - 5;
        int step = (biased >> (segment + 1)) & 0x0F;
        int code = ~((segment << 4) | step) & 0x7F;
        return positive ? code | 0x80 : code;
    }

    /** The middle of the µ-law code's interval, scaled to 16 bits. */
    private static int expandUlaw(int code) {
        int inverted = ~code & 0xFF;
        int segment = (inverted >> 4) & 0x07;
        int step = inverted & 0x0F;
        int magnitude14 = ((((step << 1) + ULAW_BIAS) << segment) - ULAW_BIAS);
        int sample = magnitude14 << 2;
        return (code & 0x80) != 0 ? sample : -sample;
    }

    /** A-law code for a 13-bit sample: sign, 3-bit segment, 4-bit step, even bits inverted (0x55). */
    private static int compressAlaw(int sample13) {
        boolean positive = sample13 >= 0;
        int magnitude = (positive ? sample13 : ~sample13) >> 1;
        int code;
        if (magnitude < 16) {
            code = magnitude;
        } else {
            int segment = (31 - Integer.numberOfLeadingZeros(magnitude)) - 3;
            code = (segment << 4) | ((magnitude >> (segment - 1)) & 0x0F);
        }
        return (positive ? code | 0x80 : code) ^ 0x55;
    }

    /** The middle of the A-law code's interval, scaled to 16 bits. */
    private static int expandAlaw(int code) {
        int plain = code ^ 0x55;
        int segment = (plain >> 4) & 0x07;
        int step = plain & 0x0F;
        int sample = segment == 0
                ? (step << 4) + 8
                : ((16 + step) << (segment + 3)) + (1 << (segment + 2));
        return (plain & 0x80) != 0 ? sample : -sample;
    }
}
