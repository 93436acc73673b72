package org.strowger.sip.internal.session;

import org.strowger.sip.internal.endpoint.Endpoint;
import org.strowger.sip.internal.rtp.RtpSession;
import org.strowger.sip.internal.sdp.Direction;
import org.strowger.sip.internal.sdp.LocalMedia;
import org.strowger.sip.internal.sdp.Negotiated;
import org.strowger.sip.internal.sdp.NoCommonCodecException;
import org.strowger.sip.internal.sdp.SdpNegotiator;
import org.strowger.sip.internal.sdp.SdpOrigin;
import org.strowger.sip.internal.sdp.SessionDescription;

/** Offer/answer for a call, and applying the result to its RTP session. */
final class MediaNegotiation {

    private MediaNegotiation() {
    }

    static Negotiated answer(SessionDescription offer, Endpoint endpoint, RtpSession rtp, LocalMedia local)
            throws NoCommonCodecException {
        Negotiated negotiated = SdpNegotiator.answer(offer, endpoint.codecs(), local);
        apply(negotiated, rtp);
        return negotiated;
    }

    static Negotiated reanswer(SessionDescription offer, Endpoint endpoint, LocalMedia local)
            throws NoCommonCodecException {
        return SdpNegotiator.answer(offer, endpoint.codecs(), local);
    }

    static SessionDescription offer(Endpoint endpoint, LocalMedia local) {
        return SdpNegotiator.offer(endpoint.codecs(), local, Direction.SENDRECV);
    }

    static Negotiated acceptAnswer(SessionDescription ourOffer, SessionDescription answer, RtpSession rtp)
            throws NoCommonCodecException {
        Negotiated negotiated = SdpNegotiator.acceptAnswer(ourOffer, answer);
        apply(negotiated, rtp);
        return negotiated;
    }

    static void apply(Negotiated negotiated, RtpSession rtp) {
        rtp.setRemote(negotiated.remoteRtp());
        rtp.configure(negotiated.codec(), negotiated.payloadType(), negotiated.telephoneEventPayloadType());
    }

    static LocalMedia local(String address, RtpSession rtp) {
        return new LocalMedia(address, rtp.localPort(), new SdpOrigin());
    }
}
