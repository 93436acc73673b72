package org.strowger.channel.shell;

import java.util.Optional;

import org.strowger.channel.Channel;

/** The placeholders and small renderings every channel command shares, so they read alike. */
final class ConsoleText {

    /** What the console shows for an absent value, as Asterisk's does. */
    static final String NONE = "(None)";

    private ConsoleText() {
    }

    static String orNone(String value) {
        return isEmpty(value) ? NONE : value;
    }

    static String orEmpty(String value) {
        return value == null ? "" : value;
    }

    static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    /** {@code Dial(SIP/bob,30)}, or {@code (None)} when no application runs. */
    static String applicationWithData(Channel channel) {
        String application = channel.application();
        if (isEmpty(application)) {
            return NONE;
        }
        return application + "(" + orEmpty(channel.applicationData()) + ")";
    }

    static Optional<String> peerName(Channel channel) {
        return channel.bridgedPeer().map(Channel::name);
    }
}
