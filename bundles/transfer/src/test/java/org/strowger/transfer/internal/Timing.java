package org.strowger.transfer.internal;

import java.time.Duration;

import org.strowger.transfer.FeatureSettings;

/** Feature settings with short timeouts, so tests of the timers take well under a second each. */
final class Timing {

    private Timing() {
    }

    static FeatureSettings quick() {
        return quick(false);
    }

    static FeatureSettings quick(boolean dropCall) {
        return new FeatureSettings("#1", "*2", "*0", "#72", Duration.ofMillis(300), Duration.ofMillis(400),
                Duration.ofMillis(800), Duration.ofMillis(50), 2, dropCall, "700", 701, 720, "parkedcalls",
                Duration.ofSeconds(45), true);
    }
}
