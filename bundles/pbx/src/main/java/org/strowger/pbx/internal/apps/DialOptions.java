package org.strowger.pbx.internal.apps;

import java.util.Set;
import java.util.TreeSet;

/**
 * Dial's options: {@code g} (go on in the dialplan after the callee hangs up), {@code r} (ringing
 * to the caller while dialling), and the feature flags {@code t T h H k K} kept for the transfer
 * features. Unknown letters are refused with the letters Dial knows.
 */
record DialOptions(boolean continueAfterCallee, boolean fakeRinging, Set<Character> featureFlags) {

    private static final String FEATURES = "tThHkK";
    private static final String KNOWN = "gr" + FEATURES;

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
