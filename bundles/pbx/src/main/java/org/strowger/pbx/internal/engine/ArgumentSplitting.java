package org.strowger.pbx.internal.engine;

import java.util.List;

/** The argument split rule, for the built-in applications that split a value themselves (Gosub's arguments). */
public final class ArgumentSplitting {

    private ArgumentSplitting() {
    }

    /** Comma-separated, outside brackets and quotes; quotes removed. */
    public static List<String> split(String text) {
        return text.isEmpty() ? List.of() : ArgumentSplitter.splitTopLevel(text, ',', Integer.MAX_VALUE, true);
    }
}
