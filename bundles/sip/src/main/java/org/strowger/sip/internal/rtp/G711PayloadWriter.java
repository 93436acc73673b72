package org.strowger.sip.internal.rtp;

import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

/** Writes a frame's audio as a G.711 RTP payload, converting from the frame's codec when it differs. */
final class G711PayloadWriter {

    private G711PayloadWriter() {
    }

    /**
     * @param target ULAW or ALAW, the session's codec
     * @return the bytes written: one per sample
     */
    static int write(VoiceFrame frame, Codec target, byte[] out, int offset) {
        byte[] in = frame.payload();
        int samples = frame.samples();
        Codec source = frame.codec();
        if (target == Codec.SLIN) {
            throw new IllegalArgumentException("RTP sessions carry G.711 only, not " + target);
        }
        if (source == target) {
            System.arraycopy(in, 0, out, offset, samples);
        } else if (source == Codec.ULAW) {
            for (int i = 0; i < samples; i++) {
                out[offset + i] = G711.ulawToAlaw(in[i]);
            }
        } else if (source == Codec.ALAW) {
            for (int i = 0; i < samples; i++) {
                out[offset + i] = G711.alawToUlaw(in[i]);
            }
        } else {
            boolean toUlaw = target == Codec.ULAW;
            for (int i = 0; i < samples; i++) {
                // SLIN is little-endian
                short sample = (short) ((in[2 * i] & 0xFF) | (in[2 * i + 1] << 8));
                out[offset + i] = toUlaw ? G711.linearToUlaw(sample) : G711.linearToAlaw(sample);
            }
        }
        return samples;
    }
}
