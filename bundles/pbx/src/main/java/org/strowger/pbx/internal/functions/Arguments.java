package org.strowger.pbx.internal.functions;

import java.util.List;

/** Helpers for functions that take one text argument which may itself contain commas. */
final class Arguments {

    private Arguments() {
    }

    /** All arguments joined back with commas: LEN(a,b) measures "a,b" as Asterisk does. */
    static String joined(List<String> arguments) {
        return String.join(",", arguments);
    }
}
