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

    private static final SdpNegotiator NEGOTIATOR = new SdpNegotiator();

    private MediaNegotiation() {
    }

    static Negotiated answer(SessionDescription offer, Endpoint endpoint, RtpSession rtp, LocalMedia local)
            throws NoCommonCodecException {
        Negotiated negotiated = NEGOTIATOR.answer(offer, endpoint.codecs(), local);
        apply(negotiated, rtp);
        return negotiated;
    }

    static Negotiated reanswer(SessionDescription offer, Endpoint endpoint, LocalMedia local)
            throws NoCommonCodecException {
        return NEGOTIATOR.answer(offer, endpoint.codecs(), local);
    }

    static SessionDescription offer(Endpoint endpoint, LocalMedia local) {
        return NEGOTIATOR.offer(endpoint.codecs(), local, Direction.SENDRECV);
    }

    static Negotiated acceptAnswer(SessionDescription ourOffer, SessionDescription answer, RtpSession rtp)
            throws NoCommonCodecException {
        Negotiated negotiated = NEGOTIATOR.acceptAnswer(ourOffer, answer);
        apply(negotiated, rtp);
        return negotiated;
    }

    static void apply(Negotiated negotiated, RtpSession rtp) {
        rtp.configure(negotiated.codec(), negotiated.payloadType(), negotiated.telephoneEventPayloadType());
        rtp.setRemote(negotiated.remoteRtp());
    }

    /** True when the offer puts us on hold: sendonly, inactive, or the old 0.0.0.0 address. */
    static boolean holds(SessionDescription offer) {
        return offer.media().stream().filter(m -> m.isAudio() && !m.isRejected()).findFirst()
                .map(m -> m.isHoldAddress() || !m.effectiveDirection().sends() || !m.effectiveDirection().receives())
                .orElse(false);
    }

    static LocalMedia local(String address, RtpSession rtp) {
        return new LocalMedia(address, rtp.localPort(), SdpOrigin.forNewSession(address));
    }
}
