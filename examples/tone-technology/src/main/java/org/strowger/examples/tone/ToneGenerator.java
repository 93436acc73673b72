package org.strowger.examples.tone;

import org.strowger.channel.frame.Codec;

/**
 * Makes a tone, 20 ms (160 samples) at a time, as µ-law. Keeps its position between frames so
 * the sines and the cadence run on without clicks. Not thread-safe: one per channel, called by
 * one task at a time.
 */
final class ToneGenerator {

    /** Samples in one 20 ms frame at 8000 samples/s. */
    static final int FRAME_SAMPLES = Codec.SAMPLE_RATE / 50;

    /** Peak of the mixed signal: about -6 dBFS, loud enough and far from clipping. */
    private static final double PEAK = 16000;

    private final ToneSpec spec;
    private long position;

    ToneGenerator(ToneSpec spec) {
        this.spec = spec;
    }

    /** The position of the next frame's first sample, for the frame's timestamp. */
    long position() {
        return position;
    }

    /** The next 20 ms of the tone. */
    byte[] nextFrame() {
        byte[] frame = new byte[FRAME_SAMPLES];
        double amplitude = PEAK / spec.frequencies().size();
        for (int i = 0; i < FRAME_SAMPLES; i++, position++) {
            double sample = 0;
            if (sounding(position)) {
                for (int hertz : spec.frequencies()) {
                    sample += amplitude * Math.sin(2 * Math.PI * hertz * position / Codec.SAMPLE_RATE);
                }
            }
            frame[i] = Ulaw.encode((int) Math.round(sample));
        }
        return frame;
    }

    private boolean sounding(long sample) {
        if (spec.onMillis() == 0) {
            return true;
        }
        long period = (long) (spec.onMillis() + spec.offMillis()) * Codec.SAMPLE_RATE / 1000;
        return sample % period < (long) spec.onMillis() * Codec.SAMPLE_RATE / 1000;
    }
}
