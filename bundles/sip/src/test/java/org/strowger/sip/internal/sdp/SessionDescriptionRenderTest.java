package org.strowger.sip.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SessionDescriptionRenderTest {

    @Test
    void rendersEveryLineInRfcOrderWithCrlf() {
        MediaDescription audio = MediaDescription.builder("audio", 10000, "RTP/AVP")
                .payloadFormat(PayloadFormat.PCMA)
                .payloadFormat(PayloadFormat.telephoneEvent(101))
                .ptime(20)
                .direction(Direction.SENDONLY)
                .attribute("rtcp:10001")
                .build();
        SessionDescription sdp = new SessionDescription(new Origin("strowger", "42", "7", "192.0.2.1"), "Strowger",
                "192.0.2.1", List.of(audio));

        assertThat(sdp.render()).isEqualTo("v=0\r\n"
                + "o=strowger 42 7 IN IP4 192.0.2.1\r\n"
                + "s=Strowger\r\n"
                + "c=IN IP4 192.0.2.1\r\n"
                + "t=0 0\r\n"
                + "m=audio 10000 RTP/AVP 8 101\r\n"
                + "a=rtpmap:8 PCMA/8000\r\n"
                + "a=rtpmap:101 telephone-event/8000\r\n"
                + "a=fmtp:101 0-16\r\n"
                + "a=ptime:20\r\n"
                + "a=sendonly\r\n"
                + "a=rtcp:10001\r\n");
    }

    @Test
    void mediaLevelConnectionIsWrittenOnlyWhenItDiffersFromTheSession() throws Exception {
        String rendered = SessionDescription.parse(SdpSamples.VIDEO_AND_TWO_AUDIO).render();

        assertThat(rendered).containsOnlyOnce("c=IN IP4 192.0.2.20\r\n");
        assertThat(rendered).contains("m=audio 5004 RTP/AVP 8\r\nc=IN IP4 192.0.2.21\r\n");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SIPP_UAC_PCAP", "SIPP_UAC", "BARESIP", "OPUS_ONLY", "ASTERISK", "PCMA_ONLY",
        "VIDEO_AND_TWO_AUDIO"})
    void renderThenParseGivesTheSameDescription(String sample) throws Exception {
        String body = (String) SdpSamples.class.getDeclaredField(sample).get(null);
        SessionDescription parsed = SessionDescription.parse(body);

        SessionDescription again = SessionDescription.parse(parsed.render());

        assertThat(again).isEqualTo(parsed);
        assertThat(again.render()).isEqualTo(parsed.render());
    }

    @Test
    void rejectedStreamRendersItsMediaProtocolAndFormatsWithPortZero() throws Exception {
        MediaDescription video = SessionDescription.parse(SdpSamples.VIDEO_AND_TWO_AUDIO).media().get(0);

        MediaDescription rejected = video.rejected();

        assertThat(rejected.port()).isZero();
        assertThat(rejected.media()).isEqualTo("video");
        assertThat(rejected.protocol()).isEqualTo("RTP/AVP");
        assertThat(rejected.formats()).containsExactly("96");
        assertThat(rejected.attributes()).isEmpty();
    }
}
