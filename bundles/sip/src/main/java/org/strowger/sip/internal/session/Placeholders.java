package org.strowger.sip.internal.session;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.strowger.channel.ChannelLink;

import org.strowger.channel.DriverSide;

/**
 * One-use tokens for the channel an INVITE with Replaces brings in before it takes the replaced
 * call's place: {@code SIP/~<token>} is only dialable while its INVITE holds the token.
 */
public final class Placeholders {

    static final String PREFIX = "~";

    private final Map<String, Function<ChannelLink, DriverSide>> tokens = new ConcurrentHashMap<>();

    /** A token for a channel driven by the given side (INVITE/Replaces: the new call's side). */
    String issue(Function<ChannelLink, DriverSide> side) {
        String token = PREFIX + UUID.randomUUID().toString().substring(0, 8);
        tokens.put(token, side);
        return token;
    }

    void withdraw(String token) {
        tokens.remove(token);
    }

    /** The driver side of a placeholder, or empty when the resource is not a live token. */
    public Optional<DriverSide> claim(String resource, ChannelLink link) {
        Function<ChannelLink, DriverSide> side = resource.startsWith(PREFIX) ? tokens.remove(resource) : null;
        return side == null ? Optional.empty() : Optional.of(side.apply(link));
    }

}
