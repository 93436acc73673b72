package org.strowger.channel;

import java.util.Objects;

/**
 * What a driver knows of a new inbound call when it asks the core for a channel.
 *
 * @param technology the driver's technology
 * @param resource the resource part of the channel name ({@code alice} in {@code SIP/alice-00000001})
 * @param callerId the calling party
 * @param dialedNumber the number called
 * @param context the dialplan context the call starts in
 */
public record InboundCall(TechnologyName technology, String resource, CallerId callerId, String dialedNumber,
        String context) {

    public InboundCall {
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(dialedNumber, "dialedNumber");
        Objects.requireNonNull(context, "context");
    }
}
