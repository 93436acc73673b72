package org.strowger.channel.frame;

/** The audio formats of the core, all narrowband at 8000 samples per second. */
public enum Codec {
    /** G.711 µ-law: one byte a sample. */
    ULAW("ulaw", 1),
    /** G.711 A-law: one byte a sample. */
    ALAW("alaw", 1),
    /** Signed linear 16-bit little-endian: two bytes a sample. */
    SLIN("slin", 2);

    /** Samples per second of every codec here. */
    public static final int SAMPLE_RATE = 8000;

    private final String label;
    private final int bytesPerSample;

    Codec(String label, int bytesPerSample) {
        this.label = label;
        this.bytesPerSample = bytesPerSample;
    }

    /** The short name used in configuration and on the console ({@code ulaw}, {@code alaw}, {@code slin}). */
    public String label() {
        return label;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }
}
