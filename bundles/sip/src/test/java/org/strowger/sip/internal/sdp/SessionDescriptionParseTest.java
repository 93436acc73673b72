package org.strowger.sip.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.strowger.channel.frame.Codec;

class SessionDescriptionParseTest {

    @Test
    void sippUacPcapOfferHasPcmaAndTelephoneEvent() throws Exception {
        SessionDescription sdp = SessionDescription.parse(SdpSamples.crlf(SdpSamples.SIPP_UAC_PCAP));

        assertThat(sdp.origin()).isEqualTo(new Origin("user1", "53655765", "2353687637", "192.0.2.10"));
        assertThat(sdp.sessionName()).isEqualTo("-");
        assertThat(sdp.connectionAddress()).contains("192.0.2.10");
        assertThat(sdp.media()).hasSize(1);
        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.isAudio()).isTrue();
        assertThat(audio.port()).isEqualTo(6000);
        assertThat(audio.protocol()).isEqualTo("RTP/AVP");
        assertThat(audio.payloadTypes()).containsExactly(8, 101);
        assertThat(audio.payloadFormats().get(0).codec()).contains(Codec.ALAW);
        assertThat(audio.telephoneEvent()).hasValueSatisfying(event -> {
            assertThat(event.payloadType()).isEqualTo(101);
            assertThat(event.fmtp()).isEqualTo("0-11,16");
        });
        assertThat(audio.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(audio.ptime()).isEmpty();
        assertThat(audio.rtpAddress()).isEqualTo(new InetSocketAddress("192.0.2.10", 6000));
    }

    @Test
    void baresipOfferKeepsEveryCodecInOrderAndDoesNotMistakeType101ForEvents() throws Exception {
        SessionDescription sdp = SessionDescription.parse(SdpSamples.crlf(SdpSamples.BARESIP));

        assertThat(sdp.attributes()).containsExactly("tool:baresip 1.0.0");
        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.payloadTypes())
                .containsExactly(0, 8, 96, 9, 97, 10, 98, 99, 100, 101, 11, 102, 103, 104, 105);
        assertThat(audio.payloadFormat(96)).hasValueSatisfying(opus -> {
            assertThat(opus.encodingName()).isEqualTo("opus");
            assertThat(opus.clockRate()).isEqualTo(48000);
            assertThat(opus.channels()).isEqualTo(2);
            assertThat(opus.fmtp()).isEqualTo("stereo=1;sprop-stereo=1");
            assertThat(opus.codec()).isEmpty();
        });
        assertThat(audio.payloadFormat(101)).hasValueSatisfying(l16 -> {
            assertThat(l16.encodingName()).isEqualTo("L16");
            assertThat(l16.isTelephoneEvent()).isFalse();
        });
        assertThat(audio.telephoneEvent()).hasValueSatisfying(event -> {
            assertThat(event.payloadType()).isEqualTo(105);
            assertThat(event.fmtp()).isEqualTo("0-15");
        });
        assertThat(audio.ptime()).isEqualTo(OptionalInt.of(20));
        assertThat(audio.attributes())
                .containsExactly("label:1", "rtcp-rsize", "ssrc:3366572938 cname:sip:alice@127.0.0.1", "minptime:4");
    }

    @Test
    void asteriskOfferListsGsmAsAStaticType() throws Exception {
        MediaDescription audio = SessionDescription.parse(SdpSamples.ASTERISK).media().get(0);

        assertThat(audio.payloadTypes()).containsExactly(0, 8, 3, 101);
        assertThat(audio.payloadFormat(3).orElseThrow().encodingName()).isEqualTo("GSM");
        assertThat(audio.telephoneEvent().orElseThrow().fmtp()).isEqualTo("0-16");
        assertThat(audio.attributes()).containsExactly("maxptime:150");
    }

    @Test
    void lfAndCrlfBodiesReadTheSame() throws Exception {
        assertThat(SessionDescription.parse(SdpSamples.BARESIP))
                .isEqualTo(SessionDescription.parse(SdpSamples.crlf(SdpSamples.BARESIP)));
    }

    @Test
    void staticTypesCountWithoutRtpmapAndNamesMatchInAnyCase() throws Exception {
        SessionDescription sdp = SessionDescription.parse("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                c=IN IP4 192.0.2.1
                t=0 0
                m=audio 4000 RTP/AVP 0 8 97
                a=rtpmap:97 pcmu/8000
                """);

        MediaDescription audio = sdp.media().get(0);
        assertThat(audio.payloadFormats()).extracting(PayloadFormat::codec)
                .containsExactly(java.util.Optional.of(Codec.ULAW), java.util.Optional.of(Codec.ALAW),
                        java.util.Optional.of(Codec.ULAW));
    }

    @Test
    void severalMediaLinesWithMediaLevelConnectionAndDirection() throws Exception {
        SessionDescription sdp = SessionDescription.parse(SdpSamples.VIDEO_AND_TWO_AUDIO);

        assertThat(sdp.media()).extracting(MediaDescription::media).containsExactly("video", "audio", "audio");
        assertThat(sdp.media().get(0).payloadFormat(96).orElseThrow().rtpmapValue()).isEqualTo("VP8/90000");
        assertThat(sdp.media().get(1).connectionAddress()).contains("192.0.2.20");
        assertThat(sdp.media().get(1).payloadFormats().get(0)).isEqualTo(PayloadFormat.PCMU);
        assertThat(sdp.media().get(2).connectionAddress()).contains("192.0.2.21");
        assertThat(sdp.media().get(2).direction()).isEqualTo(Direction.RECVONLY);
        assertThat(sdp.media().get(1).direction()).isEqualTo(Direction.SENDRECV);
    }

    @Test
    void sessionLevelDirectionAppliesUnlessTheMediaSaysOtherwise() throws Exception {
        SessionDescription sdp = SessionDescription.parse("""
                v=0
                o=- 1 2 IN IP4 192.0.2.1
                s=-
                c=IN IP4 192.0.2.1
                t=0 0
                a=sendonly
                m=audio 4000 RTP/AVP 0
                m=audio 4002 RTP/AVP 0
                a=inactive
                """);

        assertThat(sdp.media()).extracting(MediaDescription::direction)
                .containsExactly(Direction.SENDONLY, Direction.INACTIVE);
    }

    @Test
    void holdByAttributeOrByTheRfc2543Address() throws Exception {
        MediaDescription sendonly = SessionDescription
                .parse(SdpSamples.withDirection(SdpSamples.ASTERISK, "sendonly")).media().get(0);
        assertThat(sendonly.direction()).isEqualTo(Direction.SENDONLY);
        assertThat(sendonly.isHoldAddress()).isFalse();

        MediaDescription inactive = SessionDescription
                .parse(SdpSamples.withDirection(SdpSamples.ASTERISK, "inactive")).media().get(0);
        assertThat(inactive.effectiveDirection()).isEqualTo(Direction.INACTIVE);

        MediaDescription oldHold = SessionDescription
                .parse(SdpSamples.ASTERISK.replace("c=IN IP4 198.51.100.7", "c=IN IP4 0.0.0.0")).media().get(0);
        assertThat(oldHold.isHoldAddress()).isTrue();
        assertThat(oldHold.direction()).isEqualTo(Direction.SENDRECV);
        assertThat(oldHold.effectiveDirection()).isEqualTo(Direction.SENDONLY);

        MediaDescription oldHoldRecvonly = SessionDescription.parse(SdpSamples.withDirection(
                SdpSamples.ASTERISK.replace("c=IN IP4 198.51.100.7", "c=IN IP4 0.0.0.0"), "recvonly"))
                .media().get(0);
        assertThat(oldHoldRecvonly.effectiveDirection()).isEqualTo(Direction.INACTIVE);
    }

    @Test
    void unknownLinesAndAttributesAreTolerated() throws Exception {
        SessionDescription sdp = SessionDescription.parse("""
                v=0
                o=- 1 1 IN IP4 192.0.2.1
                s=-
                i=a session
                u=http://example.com/
                e=alice@example.com
                c=IN IP4 192.0.2.1/127
                b=AS:64
                t=0 0
                z=whatever
                y=not even a known type
                m=audio 4000/2 RTP/AVP 0
                b=TIAS:64000
                a=x-custom
                a=ptime:20.0

                """);

        MediaDescription audio = sdp.media().get(0);
        assertThat(sdp.connectionAddress()).contains("192.0.2.1");
        assertThat(audio.portCount()).isEqualTo(2);
        assertThat(audio.ptime()).isEqualTo(OptionalInt.of(20));
        assertThat(audio.attributes()).containsExactly("x-custom");
    }

    @Test
    void ipv6AddressesAreKeptAsWritten() throws Exception {
        SessionDescription sdp = SessionDescription.parse("""
                v=0
                o=- 1 1 IN IP6 2001:db8::1
                s=-
                c=IN IP6 2001:db8::2
                t=0 0
                m=audio 4000 RTP/AVP 0
                """);

        assertThat(sdp.origin().address()).isEqualTo("2001:db8::1");
        assertThat(sdp.media().get(0).rtpAddress()).isEqualTo(new InetSocketAddress("2001:db8::2", 4000));
        assertThat(sdp.render()).contains("c=IN IP6 2001:db8::2\r\n");
    }

    @Test
    void userNamesWithSpacesAndEmptyAttributesAreTolerated() throws Exception {
        SessionDescription sdp = SessionDescription.parse(
                "v=0\no=Some Phone 12 34 IN IP4 192.0.2.1\ns=-\nc=IN IP4 192.0.2.1\nt=0 0\na=\n"
                + "m=audio 4000 RTP/AVP 0\na=\n");

        assertThat(sdp.origin()).isEqualTo(new Origin("Some Phone", "12", "34", "192.0.2.1"));
        assertThat(sdp.attributes()).isEmpty();
        assertThat(sdp.media().get(0).attributes()).isEmpty();
    }

    @Test
    void emptyBodyIsRejected() {
        assertThatThrownBy(() -> SessionDescription.parse(" \r\n"))
                .isInstanceOf(SdpException.class).hasMessage("empty SDP body");
    }

    @Test
    void bodyWithoutOriginIsRejected() {
        assertThatThrownBy(() -> SessionDescription.parse("v=0\ns=-\nt=0 0\nm=audio 4000 RTP/AVP 0\n"))
                .isInstanceOf(SdpException.class).hasMessage("SDP has no o= line");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "hello world                         | SDP line 1 'hello world' is not <type>=<value>",
        "v=1                                 | SDP line 1 'v=1' must be v=0",
        "v=0\\no=- 1 1 IN IP4                | SDP line 2 'o=- 1 1 IN IP4' needs 6 fields",
        "v=0\\no=- 1 1 IN IP4 a\\nc=IN IP4   | SDP line 3 'c=IN IP4' needs 3 fields",
        "v=0\\no=- 1 1 IN IP4 a\\ngarbage    | SDP line 3 'garbage' is not <type>=<value>",
        "v=0\\no=- 1 1 IN IP4 a\\nm=audio abc RTP/AVP 0   | SDP line 3 'm=audio abc RTP/AVP 0' port 'abc' is not a number in 0-65535",
        "v=0\\no=- 1 1 IN IP4 a\\nm=audio 70000 RTP/AVP 0 | SDP line 3 'm=audio 70000 RTP/AVP 0' port '70000' is not a number",
        "v=0\\no=- 1 1 IN IP4 a\\nm=audio   | SDP line 3 'm=audio' needs <media> <port> <protocol>",
        "v=0\\no=- 1 1 IN IP4 a\\nm=audio 4000 RTP/AVP 0\\na=rtpmap:abc PCMU/8000 | SDP line 4 'a=rtpmap:abc PCMU/8000' rtpmap payload type 'abc'",
        "v=0\\no=- 1 1 IN IP4 a\\nm=audio 4000 RTP/AVP 0\\na=rtpmap:0 PCMU        | SDP line 4 'a=rtpmap:0 PCMU' rtpmap encoding 'PCMU' is not <name>/<clock rate>",
    })
    void garbageIsRejectedNamingTheLine(String body, String message) {
        assertThatThrownBy(() -> SessionDescription.parse(body.replace("\\n", "\r\n")))
                .isInstanceOf(SdpException.class)
                .hasMessageStartingWith(message);
    }
}
