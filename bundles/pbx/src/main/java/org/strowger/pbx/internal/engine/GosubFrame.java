package org.strowger.pbx.internal.engine;

import java.util.HashMap;
import java.util.Map;

import org.strowger.channel.DialplanLocation;

/**
 * One Gosub level: where Return goes back to, and the values the caller's frame had for each
 * variable this level made local (ARGn, ARGC, LOCAL(x)), restored on Return.
 */
final class GosubFrame {

    private final DialplanLocation returnTo;
    private final Map<String, String> savedLocals = new HashMap<>();

    GosubFrame(DialplanLocation returnTo) {
        this.returnTo = returnTo;
    }

    DialplanLocation returnTo() {
        return returnTo;
    }

    /** Remembers a variable's value before this level first makes it local (null: it was unset). */
    void saveIfFirst(String name, String previousValue) {
        if (!savedLocals.containsKey(name)) {
            savedLocals.put(name, previousValue);
        }
    }

    Map<String, String> savedLocals() {
        return savedLocals;
    }
}
