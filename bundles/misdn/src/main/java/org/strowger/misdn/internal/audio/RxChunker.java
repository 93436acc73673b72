package org.strowger.misdn.internal.audio;

import java.util.ArrayList;
import java.util.List;

import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

/**
 * Turns what a B-channel delivers (bit-reversed G.711 in chunks of any size) into 20 ms voice
 * frames of 160 samples with running timestamps. Its own monitor guards it, not the pvt lock:
 * the caller queues the frames into the core after this returns.
 */
public final class RxChunker {

    /** Samples in a 20 ms frame at 8000 samples/s. */
    public static final int FRAME_SAMPLES = 160;

    private final Codec law;
    private final byte[] pending = new byte[FRAME_SAMPLES];
    private int filled;
    private long timestamp;

    public RxChunker(Codec law) {
        this.law = law;
    }

    /** Takes bytes as on the wire; returns the whole frames they completed (often none or one). */
    public synchronized List<VoiceFrame> accept(byte[] wire) {
        List<VoiceFrame> frames = List.of();
        for (byte b : wire) {
            pending[filled++] = BitReversal.reverse(b);
            if (filled == FRAME_SAMPLES) {
                if (frames.isEmpty()) {
                    frames = new ArrayList<>(2);
                }
                frames.add(new VoiceFrame(law, pending.clone(), FRAME_SAMPLES, timestamp));
                timestamp += FRAME_SAMPLES;
                filled = 0;
            }
        }
        return frames;
    }
}
