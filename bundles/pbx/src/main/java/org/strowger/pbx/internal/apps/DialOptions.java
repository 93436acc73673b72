package org.strowger.pbx.internal.apps;

import java.util.Set;
import java.util.TreeSet;

/**
 * Dial's options: {@code g} (go on in the dialplan after the callee hangs up), {@code r} (ringing
 * to the caller while dialling), and the feature flags {@code t T h H k K}, handed to the transfer
 * features as the variable {@value #FEATURES_VARIABLE} on each party. Unknown letters are refused with the letters Dial knows.
 */
record DialOptions(boolean continueAfterCallee, boolean fakeRinging, Set<Character> featureFlags) {

    private static final String FEATURES = "tThHkK";
    private static final String KNOWN = "gr" + FEATURES;

    /** The channel variable that tells the transfer features what a bridged party may do: letters t (transfer), h (disconnect), k (park). */
    static final String FEATURES_VARIABLE = "DIAL_FEATURES";

    /** What the caller may do in the bridge: T, H and K, written t, h, k. */
    String callerFeatures() {
        return letters(true);
    }

    /** What the callee may do in the bridge: t, h and k. */
    String calleeFeatures() {
        return letters(false);
    }

    private String letters(boolean caller) {
        StringBuilder letters = new StringBuilder();
        for (char feature : "thk".toCharArray()) {
            if (featureFlags.contains(caller ? Character.toUpperCase(feature) : feature)) {
                letters.append(feature);
            }
        }
        return letters.toString();
    }

    static DialOptions parse(String text) {
        boolean continueAfter = false;
        boolean ringing = false;
        Set<Character> features = new TreeSet<>();
        for (char option : text.toCharArray()) {
            if (option == 'g') {
                continueAfter = true;
            } else if (option == 'r') {
                ringing = true;
            } else if (FEATURES.indexOf(option) >= 0) {
                features.add(option);
            } else {
                throw new IllegalArgumentException("Dial option '" + option + "' is not supported (known: " + KNOWN + ")");
            }
        }
        return new DialOptions(continueAfter, ringing, Set.copyOf(features));
    }
}
