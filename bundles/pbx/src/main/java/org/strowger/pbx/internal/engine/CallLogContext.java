package org.strowger.pbx.internal.engine;

import org.slf4j.MDC;

/**
 * The channel's name in SLF4J's MDC (key {@value #KEY}) while a pool thread runs a call's steps,
 * so that every line logged meanwhile, by the engine or an application, carries it
 * ({@code %X{channel}} in the logging pattern).
 */
final class CallLogContext {

    static final String KEY = "channel";

    private CallLogContext() {
    }

    /** Puts the name in the MDC; returns what was there, for {@link #restore}. */
    static String enter(String channelName) {
        String previous = MDC.get(KEY);
        MDC.put(KEY, channelName);
        return previous;
    }

    /** Gives the MDC back as {@link #enter} found it. */
    static void restore(String previous) {
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
