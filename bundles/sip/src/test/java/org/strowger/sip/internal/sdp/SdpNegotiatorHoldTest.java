package org.strowger.sip.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.strowger.channel.frame.Codec;

/** Direction in answers (RFC 3264 section 6.1 and 8.4) and the o= version across re-INVITEs. */
class SdpNegotiatorHoldTest {

    private static final List<Codec> ULAW_ALAW = List.of(Codec.ULAW, Codec.ALAW);

    private final SdpNegotiator negotiator = new SdpNegotiator();
    private final SdpOrigin origin = new SdpOrigin("strowger", 99, 1, "192.0.2.100");
    private final LocalMedia local = new LocalMedia("192.0.2.100", 10000, origin);

    @ParameterizedTest(name = "offer {0}, we want {1} -> answer {2}, peer {3}")
    @CsvSource({
        "SENDRECV, SENDRECV, SENDRECV, SENDRECV",
        "SENDONLY, SENDRECV, RECVONLY, SENDONLY",
        "RECVONLY, SENDRECV, SENDONLY, RECVONLY",
        "INACTIVE, SENDRECV, INACTIVE, INACTIVE",
        "SENDRECV, SENDONLY, SENDONLY, RECVONLY",
        "SENDONLY, SENDONLY, INACTIVE, INACTIVE",
        "SENDRECV, INACTIVE, INACTIVE, INACTIVE",
    })
    void answerMirrorsTheOfferLimitedToWhatWeWant(Direction offered, Direction ours, Direction answered,
                                                   Direction peer) throws Exception {
        SessionDescription offer = SessionDescription.parse(
                SdpSamples.withDirection(SdpSamples.ASTERISK, offered.attribute()));

        Negotiated negotiated = negotiator.answer(offer, ULAW_ALAW, local, ours);

        assertThat(negotiated.localDescription().media().get(0).direction()).isEqualTo(answered);
        assertThat(negotiated.remoteDirection()).isEqualTo(peer);
        assertThat(negotiated.localDescription().render()).contains("a=" + answered.attribute() + "\r\n");
    }

    @Test
    void rfc2543HoldAddressMeansThePeerHoldsUs() throws Exception {
        SessionDescription offer = SessionDescription.parse(
                SdpSamples.ASTERISK.replace("c=IN IP4 198.51.100.7", "c=IN IP4 0.0.0.0"));

        Negotiated negotiated = negotiator.answer(offer, ULAW_ALAW, local);

        assertThat(negotiated.remoteDirection()).isEqualTo(Direction.SENDONLY);
        assertThat(negotiated.peerReceives()).isFalse();
        assertThat(negotiated.localDescription().media().get(0).direction()).isEqualTo(Direction.RECVONLY);
        assertThat(negotiated.remoteRtp().getAddress().isAnyLocalAddress()).isTrue();
    }

    @Test
    void reInviteWithTheSameOfferKeepsTheOriginVersion() throws Exception {
        SessionDescription offer = SessionDescription.parse(SdpSamples.ASTERISK);

        Negotiated first = negotiator.answer(offer, ULAW_ALAW, local);
        Negotiated refresh = negotiator.answer(offer, ULAW_ALAW, local);

        assertThat(refresh.localDescription()).isEqualTo(first.localDescription());
        assertThat(refresh.localDescription().origin().version()).isEqualTo("1");
    }

    @Test
    void holdAndResumeEachBumpTheOriginVersion() throws Exception {
        SessionDescription offer = SessionDescription.parse(SdpSamples.ASTERISK);
        SessionDescription hold = SessionDescription.parse(SdpSamples.withDirection(SdpSamples.ASTERISK, "sendonly"));

        Origin initial = negotiator.answer(offer, ULAW_ALAW, local).localDescription().origin();
        Origin held = negotiator.answer(hold, ULAW_ALAW, local).localDescription().origin();
        Origin heldAgain = negotiator.answer(hold, ULAW_ALAW, local).localDescription().origin();
        Origin resumed = negotiator.answer(offer, ULAW_ALAW, local).localDescription().origin();

        assertThat(List.of(initial, held, heldAgain, resumed)).extracting(Origin::version)
                .containsExactly("1", "2", "2", "3");
        assertThat(List.of(initial, held, heldAgain, resumed)).extracting(Origin::sessionId).containsOnly("99");
    }

    @Test
    void ourOwnReOfferOnHoldBumpsTheVersion() {
        SessionDescription offer = negotiator.offer(ULAW_ALAW, local, Direction.SENDRECV);
        SessionDescription holdOffer = negotiator.offer(ULAW_ALAW, local, Direction.SENDONLY);

        assertThat(offer.origin().version()).isEqualTo("1");
        assertThat(holdOffer.origin().version()).isEqualTo("2");
        assertThat(holdOffer.media().get(0).direction()).isEqualTo(Direction.SENDONLY);
    }
}
