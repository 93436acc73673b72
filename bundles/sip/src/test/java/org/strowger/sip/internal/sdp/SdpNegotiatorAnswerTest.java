package org.strowger.sip.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;

class SdpNegotiatorAnswerTest {

    private static final List<Codec> ULAW_ALAW = List.of(Codec.ULAW, Codec.ALAW);

    private final SdpNegotiator negotiator = new SdpNegotiator();
    private final SdpOrigin origin = new SdpOrigin("strowger", 99, 1, "192.0.2.100");
    private final LocalMedia local = new LocalMedia("192.0.2.100", 10000, origin);

    private Negotiated answer(String offer) throws Exception {
        return negotiator.answer(SessionDescription.parse(offer), ULAW_ALAW, local);
    }

    @Test
    void sippPcapOfferIsAnsweredWithPcmaAndItsTelephoneEvent() throws Exception {
        Negotiated negotiated = answer(SdpSamples.SIPP_UAC_PCAP);

        assertThat(negotiated.codec()).isEqualTo(Codec.ALAW);
        assertThat(negotiated.payloadType()).isEqualTo(8);
        assertThat(negotiated.telephoneEventPayloadType()).isEqualTo(101);
        assertThat(negotiated.remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.10", 6000));
        assertThat(negotiated.remoteDirection()).isEqualTo(Direction.SENDRECV);
        assertThat(negotiated.localDescription().render()).isEqualTo("v=0\r\n"
                + "o=strowger 99 1 IN IP4 192.0.2.100\r\n"
                + "s=Strowger\r\n"
                + "c=IN IP4 192.0.2.100\r\n"
                + "t=0 0\r\n"
                + "m=audio 10000 RTP/AVP 8 101\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-11,16\r\n"
                + "a=ptime:20\r\n"
                + "a=sendrecv\r\n");
    }

    @Test
    void sippUacWithoutTelephoneEventGetsPcmuAndNoEvents() throws Exception {
        Negotiated negotiated = answer(SdpSamples.SIPP_UAC);

        assertThat(negotiated.codec()).isEqualTo(Codec.ULAW);
        assertThat(negotiated.hasTelephoneEvent()).isFalse();
        assertThat(negotiated.telephoneEventPayloadType()).isEqualTo(-1);
        assertThat(negotiated.localDescription().media().get(0).payloadTypes()).containsExactly(0);
    }

    @Test
    void theOfferersOrderWinsOverOurs() throws Exception {
        Negotiated negotiated = negotiator.answer(SessionDescription.parse(SdpSamples.BARESIP),
                List.of(Codec.ALAW, Codec.ULAW), local);

        assertThat(negotiated.codec()).isEqualTo(Codec.ULAW);
        assertThat(negotiated.payloadType()).isZero();
        assertThat(negotiated.telephoneEventPayloadType()).isEqualTo(105);
        assertThat(negotiated.localDescription().media().get(0).payloadTypes()).containsExactly(0, 105);
    }

    @Test
    void onlyAllowedCodecsAreChosen() throws Exception {
        Negotiated negotiated = negotiator.answer(SessionDescription.parse(SdpSamples.BARESIP),
                List.of(Codec.ALAW), local);

        assertThat(negotiated.codec()).isEqualTo(Codec.ALAW);
        assertThat(negotiated.payloadType()).isEqualTo(8);
    }

    @Test
    void pcmaOnlyOfferYieldsPcma() throws Exception {
        Negotiated negotiated = answer(SdpSamples.PCMA_ONLY);

        assertThat(negotiated.codec()).isEqualTo(Codec.ALAW);
        assertThat(negotiated.remoteRtp()).isEqualTo(new InetSocketAddress("203.0.113.5", 20000));
    }

    @Test
    void opusOnlyOfferHasNoCommonCodec() {
        assertThatThrownBy(() -> answer(SdpSamples.OPUS_ONLY))
                .isInstanceOf(NoCommonCodecException.class)
                .hasMessageContaining("no common audio codec")
                .hasMessageContaining("opus/48000/2");
    }

    @Test
    void offerWithoutAudioHasNoCommonCodec() {
        assertThatThrownBy(() -> answer("v=0\no=- 1 1 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\n"
                + "m=video 5000 RTP/AVP 96\na=rtpmap:96 VP8/90000\n"))
                .isInstanceOf(NoCommonCodecException.class)
                .hasMessage("the offer has no active audio stream");
    }

    @Test
    void offerWhoseOnlyAudioIsDisabledHasNoCommonCodec() {
        assertThatThrownBy(() -> answer(SdpSamples.SIPP_UAC.replace("m=audio 6002", "m=audio 0")))
                .isInstanceOf(NoCommonCodecException.class)
                .hasMessage("the offer has no active audio stream");
    }

    @Test
    void secureRtpIsDeclinedWithAReason() {
        assertThatThrownBy(() -> answer(SdpSamples.SIPP_UAC.replace("RTP/AVP", "RTP/SAVP")))
                .isInstanceOf(NoCommonCodecException.class)
                .hasMessageContaining("RTP/SAVP is not supported");
    }

    @Test
    void answerKeepsTheOffersMediaLinesDecliningAllButOneAudioStream() throws Exception {
        Negotiated negotiated = answer(SdpSamples.VIDEO_AND_TWO_AUDIO);

        List<MediaDescription> media = negotiated.localDescription().media();
        assertThat(media).extracting(MediaDescription::media).containsExactly("video", "audio", "audio");
        assertThat(media).extracting(MediaDescription::port).containsExactly(0, 10000, 0);
        assertThat(media.get(0).formats()).containsExactly("96");
        assertThat(media.get(2).formats()).containsExactly("8");
        assertThat(negotiated.codec()).isEqualTo(Codec.ULAW);
        assertThat(negotiated.remoteRtp()).isEqualTo(new InetSocketAddress("192.0.2.20", 5000));
    }

    @Test
    void firstAudioStreamWithoutCommonCodecIsDeclinedAndTheNextOneTaken() throws Exception {
        Negotiated negotiated = answer("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                c=IN IP4 192.0.2.1
                t=0 0
                m=audio 5000 RTP/AVP 96
                a=rtpmap:96 opus/48000/2
                m=audio 5002 RTP/AVP 8
                """);

        assertThat(negotiated.localDescription().media()).extracting(MediaDescription::port)
                .containsExactly(0, 10000);
        assertThat(negotiated.remoteRtp().getPort()).isEqualTo(5002);
    }

    @Test
    void dynamicPcmuTypeIsAnsweredWithTheOfferersNumber() throws Exception {
        Negotiated negotiated = answer(SdpSamples.SIPP_UAC.replace("RTP/AVP 0", "RTP/AVP 96")
                .replace("rtpmap:0 PCMU", "rtpmap:96 pcmu"));

        assertThat(negotiated.codec()).isEqualTo(Codec.ULAW);
        assertThat(negotiated.payloadType()).isEqualTo(96);
        assertThat(negotiated.localDescription().render()).contains("m=audio 10000 RTP/AVP 96\r\n")
                .contains("a=rtpmap:96 pcmu/8000\r\n");
    }

    @Test
    void telephoneEventWithoutFmtpIsAnsweredWithTheDefaultEvents() throws Exception {
        Negotiated negotiated = answer(SdpSamples.SIPP_UAC_PCAP.replace("a=fmtp:101 0-11,16\n", ""));

        assertThat(negotiated.localDescription().render()).contains("a=fmtp:101 0-15\r\n");
    }

    @Test
    void answerParsesBackToWhatWasNegotiated() throws Exception {
        Negotiated negotiated = answer(SdpSamples.ASTERISK);

        SessionDescription reread = SessionDescription.parse(negotiated.localDescription().render());

        assertThat(reread).isEqualTo(negotiated.localDescription());
        assertThat(reread.media().get(0).payloadFormats())
                .containsExactly(PayloadFormat.PCMU, new PayloadFormat(101, "telephone-event", 8000, 1, "0-16"));
    }
}
