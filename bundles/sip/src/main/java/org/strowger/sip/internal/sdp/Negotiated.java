package org.strowger.sip.internal.sdp;

import java.net.InetSocketAddress;
import java.util.Objects;
import org.strowger.channel.frame.Codec;

/**
 * The outcome of offer/answer for the call's one audio stream: how to configure its RTP session.
 *
 * @param codec the audio codec both sides use
 * @param payloadType its RTP payload type
 * @param telephoneEventPayloadType the RFC 4733 payload type, -1 if the peer has none
 * @param remoteRtp where the peer receives RTP (from its SDP; latching may refine it)
 * @param remoteDirection what the peer will do: {@code SENDONLY} means it holds us and does not
 *                        listen, {@code RECVONLY} means we hold it; includes the c=0.0.0.0 hold
 * @param localDescription the answer or offer we send
 */
public record Negotiated(Codec codec, int payloadType, int telephoneEventPayloadType, InetSocketAddress remoteRtp,
                         Direction remoteDirection, SessionDescription localDescription) {

    public Negotiated {
        Objects.requireNonNull(codec, "codec");
        Objects.requireNonNull(remoteRtp, "remoteRtp");
        Objects.requireNonNull(remoteDirection, "remoteDirection");
        Objects.requireNonNull(localDescription, "localDescription");
    }

    public boolean hasTelephoneEvent() {
        return telephoneEventPayloadType >= 0;
    }

    /** Whether we should send audio: the peer listens (the caller adds its own hold state). */
    public boolean peerReceives() {
        return remoteDirection.receives();
    }
}
