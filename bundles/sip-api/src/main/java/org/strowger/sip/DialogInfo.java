package org.strowger.sip;

import java.util.Objects;

/**
 * One live INVITE dialog.
 *
 * @param callId    the Call-ID
 * @param endpoint  the endpoint on the far side
 * @param direction {@code inbound} (the peer sent the INVITE) or {@code outbound}
 * @param state     {@code early}, {@code confirmed}, {@code terminating}
 * @param channel   name of the channel the dialog drives, or an empty string once unlinked
 * @param remote    transport and address of the peer
 * @param media     negotiated codec and RTP addresses, e.g. {@code PCMU 127.0.0.1:10000 <-> 127.0.0.1:6000}
 * @param onHold    true while the peer has put the call on hold
 */
public record DialogInfo(String callId, String endpoint, String direction, String state, String channel,
        String remote, String media, boolean onHold) {

    public DialogInfo {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(media, "media");
    }
}
