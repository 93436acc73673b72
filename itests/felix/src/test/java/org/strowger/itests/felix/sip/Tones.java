package org.strowger.itests.felix.sip;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test audio: a sine tone as G.711 A-law bytes (what sipp's rtp_stream plays) or as a WAV file. */
final class Tones {

    private static final int RATE = 8000;
    private static final int AMPLITUDE = 8000;

    private Tones() {
    }

    /** {@code samples} A-law bytes of a {@code hertz} sine at 8 kHz (one byte per sample). */
    static byte[] pcmaTone(int hertz, int samples) {
        byte[] out = new byte[samples];
        for (int i = 0; i < samples; i++) {
            out[i] = linearToAlaw(sample(hertz, i));
        }
        return out;
    }

    /** Writes one second of the tone as raw A-law, the format sipp's rtp_stream action reads. */
    static void writePcma(Path file, int hertz, int seconds) throws IOException {
        Files.write(file, pcmaTone(hertz, RATE * seconds));
    }

    /** Writes the tone as a 16-bit mono 8 kHz PCM WAV file. */
    static void writeWav(Path file, int hertz, int seconds) throws IOException {
        int samples = RATE * seconds;
        ByteBuffer wav = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        wav.put("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(36 + 2 * samples)
                .put("WAVE".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .put("fmt ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(16)
                .putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(2 * RATE)
                .putShort((short) 2).putShort((short) 16)
                .put("data".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            wav.putShort(sample(hertz, i));
        }
        Files.write(file, wav.array());
    }

    private static short sample(int hertz, int i) {
        return (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * hertz * i / RATE));
    }

    /** ITU-T G.711 A-law encoding of one 16-bit linear sample. */
    static byte linearToAlaw(short linear) {
        int pcm = linear;
        int mask;
        if (pcm >= 0) {
            mask = 0xD5;
        } else {
            mask = 0x55;
            pcm = -pcm - 1;
        }
        int segment = 0;
        int limit = 0xFF;
        while (segment < 8 && pcm > limit) {
            segment++;
            limit = (limit << 1) | 1;
        }
        if (segment >= 8) {
            return (byte) (0x7F ^ mask);
        }
        int value = segment << 4;
        value |= segment < 2 ? (pcm >> 4) & 0x0F : (pcm >> (segment + 3)) & 0x0F;
        return (byte) (value ^ mask);
    }
}
