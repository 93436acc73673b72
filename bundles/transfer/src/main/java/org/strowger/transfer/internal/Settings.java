package org.strowger.transfer.internal;

import java.time.Duration;

import org.strowger.transfer.FeatureSettings;

/** Reads and checks {@link FeaturesConfig}: a bad value is refused with the setting's name, so the old settings stay. */
public final class Settings {

    private Settings() {
    }

    public static FeatureSettings defaults() {
        return new FeatureSettings("#1", "*2", "*0", "#72", Duration.ofMillis(1000), Duration.ofSeconds(3),
                Duration.ofSeconds(15), Duration.ofSeconds(10), 2, false, "700", 701, 720, "parkedcalls",
                Duration.ofSeconds(45), true);
    }

    public static FeatureSettings read(FeaturesConfig config) {
        String[] slots = config.parkpos().trim().split("-");
        int first;
        int last;
        try {
            first = Integer.parseInt(slots[0].trim());
            last = slots.length > 1 ? Integer.parseInt(slots[1].trim()) : first;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("parkpos '" + config.parkpos() + "' is not first-last, e.g. 701-720");
        }
        if (slots.length > 2 || first <= 0 || last < first || last - first > 9999) {
            throw new IllegalArgumentException("parkpos '" + config.parkpos() + "' is not first-last, e.g. 701-720");
        }
        String[][] codes = {{"blindxfer", code("blindxfer", config.blindxfer())},
                {"atxfer", code("atxfer", config.atxfer())}, {"disconnect", code("disconnect", config.disconnect())},
                {"parkcall", code("parkcall", config.parkcall())}};
        distinct(codes);
        return new FeatureSettings(codes[0][1], codes[1][1], codes[2][1], codes[3][1],
                Duration.ofMillis(positive("featuredigittimeout", config.featuredigittimeout())),
                Duration.ofSeconds(positive("transferdigittimeout", config.transferdigittimeout())),
                Duration.ofSeconds(positive("atxfernoanswertimeout", config.atxfernoanswertimeout())),
                Duration.ofSeconds(Math.max(0, config.atxferloopdelay())),
                Math.max(0, config.atxfercallbackretries()), config.atxferdropcall(),
                extension("parkext", config.parkext()), first, last, extension("parkcontext", config.parkcontext()),
                Duration.ofSeconds(positive("parkingtime", config.parkingtime())), config.comebacktoorigin());
    }

    /** A feature code: DTMF digits only; empty turns the feature off. */
    private static String code(String name, String value) {
        String code = value == null ? "" : value.trim();
        if (!code.matches("[0-9*#A-D]*")) {
            throw new IllegalArgumentException(name + " '" + value + "' is not DTMF digits (0-9 * # A-D)");
        }
        return code;
    }

    /**
     * Two codes that are equal, or one the start of the other, cannot both be dialled: the shorter
     * one always matches first.
     */
    private static void distinct(String[][] codes) {
        for (int i = 0; i < codes.length; i++) {
            for (int j = 0; j < codes.length; j++) {
                String a = codes[i][1];
                String b = codes[j][1];
                if (i != j && !a.isEmpty() && !b.isEmpty() && b.startsWith(a) && (a.length() < b.length() || i < j)) {
                    throw new IllegalArgumentException(codes[i][0] + " '" + a + "' and " + codes[j][0] + " '" + b
                            + "' clash: " + (a.equals(b) ? "they are the same code" : "the second starts with the first,"
                            + " so it can never be dialled"));
                }
            }
        }
    }

    private static String extension(String name, String value) {
        String text = value == null ? "" : value.trim();
        if (text.isEmpty() || !text.matches("[A-Za-z0-9_*#+.-]+")) {
            throw new IllegalArgumentException(name + " '" + value + "' is empty or has characters a name cannot have");
        }
        return text;
    }

    private static int positive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, not " + value);
        }
        return value;
    }
}
