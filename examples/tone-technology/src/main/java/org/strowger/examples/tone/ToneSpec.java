package org.strowger.examples.tone;

import java.util.List;
import java.util.Locale;

/**
 * What a dial string asks for: the frequencies mixed and the cadence, parsed from the resource
 * after {@code Tone/}: a frequency in Hz ({@code 440}), {@code busy} (480+620 Hz, 0.5 s on,
 * 0.5 s off) or {@code ring} (440+480 Hz, 2 s on, 4 s off), as North American phones know them.
 *
 * @param frequencies the sines mixed, in Hz
 * @param onMillis how long the tone sounds, 0 for always
 * @param offMillis the silence after it
 */
record ToneSpec(List<Integer> frequencies, int onMillis, int offMillis) {

    /** Highest frequency a 8000 samples/s channel can carry (below Nyquist). */
    static final int MAX_FREQUENCY = 3999;

    static ToneSpec parse(String resource) {
        String spec = resource.strip().toLowerCase(Locale.ROOT);
        switch (spec) {
        case "busy":
            return new ToneSpec(List.of(480, 620), 500, 500);
        case "ring":
            return new ToneSpec(List.of(440, 480), 2000, 4000);
        default:
            int hertz;
            try {
                hertz = Integer.parseInt(spec);
            } catch (NumberFormatException notANumber) {
                throw new IllegalArgumentException("Tone/" + resource
                        + ": expected a frequency in Hz (1-" + MAX_FREQUENCY + "), busy or ring");
            }
            if (hertz < 1 || hertz > MAX_FREQUENCY) {
                throw new IllegalArgumentException("Tone/" + resource + ": the frequency must be 1-"
                        + MAX_FREQUENCY + " Hz on an 8000 samples/s channel");
            }
            return new ToneSpec(List.of(hertz), 0, 0);
        }
    }
}
