package org.strowger.examples.tone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ToneGeneratorTest {

    @Test
    void a440HzToneCrosses440TimesASecondEachWay() {
        ToneGenerator generator = new ToneGenerator(ToneSpec.parse("440"));
        int[] samples = decode(generator, 50); // one second

        int upward = 0;
        for (int i = 1; i < samples.length; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) {
                upward++;
            }
        }
        assertThat(upward).isBetween(439, 441);
        assertThat(max(samples)).isBetween(15000, 17000);
    }

    @Test
    void busyIsHalfASecondOnHalfASecondOff() {
        ToneGenerator generator = new ToneGenerator(ToneSpec.parse("busy"));
        int[] samples = decode(generator, 50);

        assertThat(max(slice(samples, 0, 4000))).isGreaterThan(5000);
        assertThat(max(slice(samples, 4000, 8000))).isLessThan(100); // µ-law silence is near 0
    }

    @Test
    void framesAre160SamplesAndThePositionRunsOn() {
        ToneGenerator generator = new ToneGenerator(ToneSpec.parse("1000"));

        assertThat(generator.nextFrame()).hasSize(160);
        assertThat(generator.position()).isEqualTo(160);
    }

    @Test
    void ulawRoundTripKeepsSamplesClose() {
        for (int sample = -32000; sample <= 32000; sample += 123) {
            int back = Ulaw.decode(Ulaw.encode(sample));
            assertThat(Math.abs(back - sample)).isLessThanOrEqualTo(Math.max(8, Math.abs(sample) / 16));
        }
        assertThat(Ulaw.encode(0)).isEqualTo((byte) 0xFF);
    }

    private static int[] decode(ToneGenerator generator, int frames) {
        int[] samples = new int[frames * 160];
        for (int f = 0; f < frames; f++) {
            byte[] frame = generator.nextFrame();
            for (int i = 0; i < frame.length; i++) {
                samples[f * 160 + i] = Ulaw.decode(frame[i]);
            }
        }
        return samples;
    }

    private static int[] slice(int[] samples, int from, int to) {
        return java.util.Arrays.copyOfRange(samples, from, to);
    }

    private static int max(int[] samples) {
        int max = 0;
        for (int sample : samples) {
            max = Math.max(max, Math.abs(sample));
        }
        return max;
    }
}
