package org.strowger.sip.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;

/** Outbound calls: our offer and the peer's answer. */
class SdpNegotiatorOfferTest {

    private final SdpNegotiator negotiator = new SdpNegotiator();
    private final LocalMedia local = new LocalMedia("192.0.2.100", 10002,
            new SdpOrigin("strowger", 7, 1, "192.0.2.100"));

    private final SessionDescription ourOffer =
            negotiator.offer(List.of(Codec.ULAW, Codec.ALAW, Codec.SLIN), local, Direction.SENDRECV);

    private static SessionDescription answer(String mLineAndAttributes) throws SdpException {
        return SessionDescription.parse("v=0\no=- 5 5 IN IP4 198.51.100.9\ns=-\nc=IN IP4 198.51.100.9\nt=0 0\n"
                + mLineAndAttributes);
    }

    @Test
    void offerListsAllowedCodecsInOrderThenTelephoneEvent() {
        assertThat(ourOffer.render()).isEqualTo("v=0\r\n"
                + "o=strowger 7 1 IN IP4 192.0.2.100\r\n"
                + "s=Strowger\r\n"
                + "c=IN IP4 192.0.2.100\r\n"
                + "t=0 0\r\n"
                + "m=audio 10002 RTP/AVP 0 8 101\r\n"
                + "a=rtpmap:0 PCMU/8000\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n");
    }

    @Test
    void offerNeedsACodecWithAPayloadType() {
        assertThatThrownBy(() -> negotiator.offer(List.of(Codec.SLIN), local, Direction.SENDRECV))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("SLIN");
    }

    @Test
    void answerPickingPcmaWithItsOwnEventType() throws Exception {
        Negotiated negotiated = negotiator.acceptAnswer(ourOffer,
                answer("m=audio 7000 RTP/AVP 8 96\na=rtpmap:96 telephone-event/8000\na=fmtp:96 0-15\n"));

        assertThat(negotiated.codec()).isEqualTo(Codec.ALAW);
        assertThat(negotiated.payloadType()).isEqualTo(8);
        assertThat(negotiated.telephoneEventPayloadType()).isEqualTo(96);
        assertThat(negotiated.remoteRtp()).isEqualTo(new InetSocketAddress("198.51.100.9", 7000));
        assertThat(negotiated.remoteDirection()).isEqualTo(Direction.SENDRECV);
        assertThat(negotiated.localDescription()).isSameAs(ourOffer);
    }

    @Test
    void firstAnsweredCodecThatWeOfferedWins() throws Exception {
        Negotiated negotiated = negotiator.acceptAnswer(ourOffer,
                answer("m=audio 7000 RTP/AVP 18 0 8\na=rtpmap:18 G729/8000\n"));

        assertThat(negotiated.codec()).isEqualTo(Codec.ULAW);
        assertThat(negotiated.hasTelephoneEvent()).isFalse();
    }

    @Test
    void answerOnHoldTellsUsThePeerWillNotSend() throws Exception {
        Negotiated negotiated = negotiator.acceptAnswer(ourOffer, answer("m=audio 7000 RTP/AVP 0\na=recvonly\n"));

        assertThat(negotiated.remoteDirection()).isEqualTo(Direction.RECVONLY);
        assertThat(negotiated.peerReceives()).isTrue();
    }

    @Test
    void answerDecliningOurAudioFails() {
        assertThatThrownBy(() -> negotiator.acceptAnswer(ourOffer, answer("m=audio 0 RTP/AVP 0\n")))
                .isInstanceOf(NoCommonCodecException.class);
    }

    @Test
    void answerWithACodecWeDidNotOfferFails() {
        assertThatThrownBy(() -> negotiator.acceptAnswer(ourOffer,
                answer("m=audio 7000 RTP/AVP 96\na=rtpmap:96 opus/48000/2\n")))
                .isInstanceOf(NoCommonCodecException.class)
                .hasMessageContaining("accepted none of the audio codecs we offered");
    }
}
