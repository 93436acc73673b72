package org.strowger.misdn.internal.audio;

/**
 * mISDN carries B-channel audio with each byte's bits in line order (least significant bit
 * first), the mirror of G.711 as everybody else writes it. The driver reverses at the card's
 * edge only, with a 256-entry table.
 */
public final class BitReversal {

    private static final byte[] TABLE = new byte[256];

    static {
        for (int i = 0; i < 256; i++) {
            TABLE[i] = (byte) (Integer.reverse(i) >>> 24);
        }
    }

    private BitReversal() {
    }

    /** One byte with its bits reversed. */
    public static byte reverse(byte b) {
        return TABLE[b & 0xff];
    }

    /** A new array: every byte of {@code from} with its bits reversed. */
    public static byte[] reversed(byte[] from) {
        byte[] to = new byte[from.length];
        for (int i = 0; i < from.length; i++) {
            to[i] = TABLE[from[i] & 0xff];
        }
        return to;
    }
}
