package org.strowger.misdn.shell;

/** A command argument that is one of two words (on/off, plug/unplug). */
final class TwoWay {

    private TwoWay() {
    }

    /** True for {@code yes}, false for {@code no} (any case); anything else is refused with both words. */
    static boolean parse(String given, String yes, String no) {
        if (yes.equalsIgnoreCase(given)) {
            return true;
        }
        if (no.equalsIgnoreCase(given)) {
            return false;
        }
        throw new IllegalArgumentException("say '" + yes + "' or '" + no + "', not '" + given + "'");
    }
}
