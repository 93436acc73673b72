package org.strowger.transfer.internal;

import java.util.EnumSet;
import java.util.Set;

import org.strowger.transfer.FeatureSettings;

/** The DTMF features of a bridge, and which Dial option letter lets a party use each. */
enum Feature {
    BLIND_TRANSFER('t'),
    ATTENDED_TRANSFER('t'),
    DISCONNECT('h'),
    PARK('k');

    /** The channel variable Dial sets on each party from its options t/T, h/H, k/K. */
    static final String VARIABLE = "DIAL_FEATURES";

    private final char letter;

    Feature(char letter) {
        this.letter = letter;
    }

    String code(FeatureSettings settings) {
        return switch (this) {
            case BLIND_TRANSFER -> settings.blindTransfer();
            case ATTENDED_TRANSFER -> settings.attendedTransfer();
            case DISCONNECT -> settings.disconnect();
            case PARK -> settings.park();
        };
    }

    /** The features these letters allow (an empty code turns a feature off). */
    static Set<Feature> allowedBy(String letters, FeatureSettings settings) {
        Set<Feature> allowed = EnumSet.noneOf(Feature.class);
        for (Feature feature : values()) {
            if (letters.indexOf(feature.letter) >= 0 && !feature.code(settings).isEmpty()) {
                allowed.add(feature);
            }
        }
        return allowed;
    }
}
