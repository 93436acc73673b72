package org.strowger.sip.internal.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Values from ITU-T G.711 (scaled to 16-bit samples) and its round-trip properties. */
class G711Test {

    @ParameterizedTest(name = "µ-law 0x{0} = {1}")
    @CsvSource({
        "00, -32124",
        "01, -31100",
        "0F, -16764",
        "70, -120",
        "7E, -8",
        "7F, 0",
        "80, 32124",
        "FE, 8",
        "FF, 0",
    })
    void ulawDecodesToTheMiddleOfItsStep(String code, int linear) {
        assertThat(G711.ulawToLinear((byte) Integer.parseInt(code, 16))).isEqualTo((short) linear);
    }

    @ParameterizedTest(name = "A-law 0x{0} = {1}")
    @CsvSource({
        "D5, 8",
        "55, -8",
        "D4, 24",
        "AA, 32256",
        "2A, -32256",
        "80, 5504",
        "00, -5504",
    })
    void alawDecodesToTheMiddleOfItsStep(String code, int linear) {
        assertThat(G711.alawToLinear((byte) Integer.parseInt(code, 16))).isEqualTo((short) linear);
    }

    @ParameterizedTest(name = "{0} -> µ-law 0x{1}, A-law 0x{2}")
    @CsvSource({
        "0, FF, D5",
        "-1, 7F, 55",
        "32767, 80, AA",
        "-32768, 00, 2A",
        "8, FE, D5",
        "1000, CE, FA",
    })
    void encodesKnownSamples(int linear, String ulaw, String alaw) {
        assertThat(G711.linearToUlaw((short) linear) & 0xFF).isEqualTo(Integer.parseInt(ulaw, 16));
        assertThat(G711.linearToAlaw((short) linear) & 0xFF).isEqualTo(Integer.parseInt(alaw, 16));
    }

    @Test
    void everyAlawCodeSurvivesDecodeAndEncode() {
        for (int code = 0; code < 256; code++) {
            assertThat(G711.linearToAlaw(G711.alawToLinear((byte) code)) & 0xFF).as("A-law 0x%02X", code)
                    .isEqualTo(code);
        }
    }

    @Test
    void everyUlawCodeButNegativeZeroSurvivesDecodeAndEncode() {
        for (int code = 0; code < 256; code++) {
            int expected = code == 0x7F ? 0xFF : code;
            assertThat(G711.linearToUlaw(G711.ulawToLinear((byte) code)) & 0xFF).as("µ-law 0x%02X", code)
                    .isEqualTo(expected);
        }
    }

    @Test
    void quantisationErrorStaysWithinHalfTheLargestStep() {
        for (int sample = -32768; sample <= 32767; sample++) {
            short linear = (short) sample;
            int clipped = Math.max(-32124, Math.min(32124, sample));
            assertThat(Math.abs(G711.ulawToLinear(G711.linearToUlaw(linear)) - clipped)).as("µ-law %d", sample)
                    .isLessThanOrEqualTo(512);
            int alawClipped = Math.max(-32256, Math.min(32256, sample));
            assertThat(Math.abs(G711.alawToLinear(G711.linearToAlaw(linear)) - alawClipped)).as("A-law %d", sample)
                    .isLessThanOrEqualTo(512);
        }
    }

    @Test
    void decodingIsMonotonicAlongTheSegments() {
        for (int code = 0x80; code < 0xFF; code++) {
            // positive µ-law codes count down towards zero
            assertThat(G711.ulawToLinear((byte) code)).isGreaterThan(G711.ulawToLinear((byte) (code + 1)));
        }
    }

    @Test
    void lawToLawConversionKeepsTheLevel() {
        assertThat(G711.ulawToAlaw((byte) 0xFF) & 0xFF).isEqualTo(0xD5);
        assertThat(G711.alawToUlaw((byte) 0xD5) & 0xFF).isEqualTo(0xFE);
        for (int code = 0; code < 256; code++) {
            short original = G711.ulawToLinear((byte) code);
            short converted = G711.alawToLinear(G711.ulawToAlaw((byte) code));
            assertThat(Math.abs(original - converted)).as("µ-law 0x%02X", code)
                    .isLessThanOrEqualTo(Math.max(16, Math.abs(original) / 16));
        }
    }
}
