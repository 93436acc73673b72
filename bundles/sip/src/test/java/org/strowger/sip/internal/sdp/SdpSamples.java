package org.strowger.sip.internal.sdp;

/** SDP bodies as real peers send them (LF here; tests convert to CRLF where it matters). */
final class SdpSamples {

    private SdpSamples() {
    }

    /** sipp 3.x built-in scenario {@code uac_pcap}, placeholders filled in. */
    static final String SIPP_UAC_PCAP = """
            v=0
            o=user1 53655765 2353687637 IN IP4 192.0.2.10
            s=-
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 6000 RTP/AVP 8 101
            a=rtpmap:8 PCMA/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-11,16
            """;

    /** sipp 3.x built-in scenario {@code uac}: PCMU only, no telephone-event. */
    static final String SIPP_UAC = """
            v=0
            o=user1 53655765 2353687637 IN IP4 192.0.2.10
            s=-
            c=IN IP4 192.0.2.10
            t=0 0
            m=audio 6002 RTP/AVP 0
            a=rtpmap:0 PCMU/8000
            """;

    /** baresip 1.0.0 with g711, opus, g722 and l16 loaded (captured with {@code baresip -s}). */
    static final String BARESIP = """
            v=0
            o=- 1666620768 537691609 IN IP4 192.0.2.2
            s=-
            c=IN IP4 192.0.2.2
            t=0 0
            a=tool:baresip 1.0.0
            m=audio 30050 RTP/AVP 0 8 96 9 97 10 98 99 100 101 11 102 103 104 105
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 stereo=1;sprop-stereo=1
            a=rtpmap:9 G722/8000
            a=rtpmap:97 L16/48000/2
            a=rtpmap:10 L16/44100/2
            a=rtpmap:98 L16/32000/2
            a=rtpmap:99 L16/16000/2
            a=rtpmap:100 L16/8000/2
            a=rtpmap:101 L16/48000
            a=rtpmap:11 L16/44100
            a=rtpmap:102 L16/32000
            a=rtpmap:103 L16/16000
            a=rtpmap:104 L16/8000
            a=rtpmap:105 telephone-event/8000
            a=fmtp:105 0-15
            a=sendrecv
            a=label:1
            a=rtcp-rsize
            a=ssrc:3366572938 cname:sip:alice@127.0.0.1
            a=minptime:4
            a=ptime:20
            """;

    /** baresip-style opus-only offer with an explicit RTCP port. */
    static final String OPUS_ONLY = """
            v=0
            o=- 1666620768 537691609 IN IP4 192.0.2.2
            s=-
            c=IN IP4 192.0.2.2
            t=0 0
            m=audio 30052 RTP/AVP 96 105
            a=rtpmap:96 opus/48000/2
            a=fmtp:96 stereo=1;sprop-stereo=1
            a=rtpmap:105 telephone-event/8000
            a=fmtp:105 0-15
            a=rtcp:30053
            a=sendrecv
            a=ptime:20
            """;

    /** What Asterisk's chan_pjsip typically sends. */
    static final String ASTERISK = """
            v=0
            o=- 1387640370 1387640372 IN IP4 198.51.100.7
            s=Asterisk
            c=IN IP4 198.51.100.7
            t=0 0
            m=audio 14562 RTP/AVP 0 8 3 101
            a=rtpmap:0 PCMU/8000
            a=rtpmap:8 PCMA/8000
            a=rtpmap:3 GSM/8000
            a=rtpmap:101 telephone-event/8000
            a=fmtp:101 0-16
            a=ptime:20
            a=maxptime:150
            a=sendrecv
            """;

    /** A PCMA-only phone (European trunk). */
    static final String PCMA_ONLY = """
            v=0
            o=trunk 4711 4711 IN IP4 203.0.113.5
            s=call
            c=IN IP4 203.0.113.5
            t=0 0
            m=audio 20000 RTP/AVP 8
            a=rtpmap:8 PCMA/8000
            """;

    /** Video first, then two audio streams, the second with its own connection address. */
    static final String VIDEO_AND_TWO_AUDIO = """
            v=0
            o=- 1 1 IN IP4 192.0.2.20
            s=-
            c=IN IP4 192.0.2.20
            t=0 0
            m=video 5002 RTP/AVP 96
            a=rtpmap:96 VP8/90000
            m=audio 5000 RTP/AVP 0 101
            a=rtpmap:101 telephone-event/8000
            m=audio 5004 RTP/AVP 8
            c=IN IP4 192.0.2.21
            a=recvonly
            """;

    /** A re-INVITE putting us on hold the RFC 3264 way. */
    static String withDirection(String body, String direction) {
        return body.replace("a=sendrecv", "a=" + direction);
    }

    static String crlf(String body) {
        return body.replace("\n", "\r\n");
    }
}
