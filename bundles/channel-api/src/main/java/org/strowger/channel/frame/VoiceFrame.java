package org.strowger.channel.frame;

import java.util.Objects;

/**
 * Audio. The payload array is owned by the frame once made: neither the maker nor a reader may
 * change it.
 *
 * @param codec the payload's format
 * @param payload encoded samples
 * @param samples how many samples the payload holds
 * @param timestamp the first sample's position in the stream, in samples
 */
public record VoiceFrame(Codec codec, byte[] payload, int samples, long timestamp) implements Frame {

    public VoiceFrame {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(payload, "payload");
        if (samples < 0 || payload.length != samples * codec.bytesPerSample()) {
            throw new IllegalArgumentException("a " + codec.label() + " frame of " + samples
                    + " samples needs " + samples * codec.bytesPerSample() + " bytes, got " + payload.length);
        }
    }

    @Override
    public String toString() {
        return "Voice[" + codec.label() + ", " + samples + " samples @" + timestamp + "]";
    }
}
