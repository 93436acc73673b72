package org.strowger.channel.log;

import org.slf4j.Logger;
import org.slf4j.MDC;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;

/**
 * Puts a channel's name in the MDC for the length of a try-with-resources block and gives the MDC
 * back as it found it, so nested scopes (a driver event that runs dialplan steps) and pooled
 * threads stay correct:
 *
 * <pre>{@code
 * try (CallLogContext scope = CallLogContext.enter(link)) {
 *     LOG.info("answered");          // logged as "[SIP/alice-00000001] answered"
 * }
 * }</pre>
 */
public final class CallLogContext implements AutoCloseable {

    /** The MDC key: {@code %X{channel}} in a logging pattern. */
    public static final String KEY = "channel";

    private static final CallLogContext NOTHING = new CallLogContext(false, null);

    private final boolean entered;
    private final String previous;

    private CallLogContext(boolean entered, String previous) {
        this.entered = entered;
        this.previous = previous;
    }

    /** Names the channel in the MDC until {@link #close}; a null or empty name changes nothing. */
    public static CallLogContext enter(String channelName) {
        if (channelName == null || channelName.isEmpty()) {
            return NOTHING;
        }
        String previous = MDC.get(KEY);
        MDC.put(KEY, channelName);
        return new CallLogContext(true, previous);
    }

    /** Names the channel that owns this driver side now (it changes with a masquerade); null changes nothing. */
    public static CallLogContext enter(ChannelLink link) {
        if (link == null) {
            return NOTHING;
        }
        Channel owner = link.owner();
        return enter(owner == null ? null : owner.name());
    }

    /**
     * Replaces the name inside a scope that is already open, for a call whose channel was renamed
     * (masquerade, rename) while the scope lasts; the scope still restores what it found.
     */
    public static void rename(String channelName) {
        if (channelName != null && !channelName.isEmpty()) {
            MDC.put(KEY, channelName);
        }
    }

    /**
     * Logs one line about a channel with its name in the context, whichever thread logs it (one
     * that works for another call, or for none: a timer, a feature's thread).
     */
    public static void info(Logger log, Channel channel, String format, Object... arguments) {
        try (CallLogContext scope = enter(channel.name())) {
            log.info(format, arguments);
        }
    }

    /** As {@link #info}, at WARN. */
    public static void warn(Logger log, Channel channel, String format, Object... arguments) {
        try (CallLogContext scope = enter(channel.name())) {
            log.warn(format, arguments);
        }
    }

    /** As {@link #info}, at DEBUG. */
    public static void debug(Logger log, Channel channel, String format, Object... arguments) {
        try (CallLogContext scope = enter(channel.name())) {
            log.debug(format, arguments);
        }
    }

    /** The name in the MDC of this thread, or null. */
    public static String current() {
        return MDC.get(KEY);
    }

    @Override
    public void close() {
        if (!entered) {
            return;
        }
        if (previous == null) {
            MDC.remove(KEY);
        } else {
            MDC.put(KEY, previous);
        }
    }
}
