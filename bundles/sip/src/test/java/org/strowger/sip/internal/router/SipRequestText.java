package org.strowger.sip.internal.router;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

import javax.sip.message.Request;

import gov.nist.javax.sip.parser.StringMsgParser;

/**
 * A SIP request written as text and parsed by JAIN-SIP, starting from a well-formed INVITE with an
 * SDP offer; each test changes what it is about. Content-Length is computed unless set.
 */
final class SipRequestText {

    static final String SDP = "v=0\r\no=alice 1 1 IN IP4 192.0.2.10\r\ns=-\r\nc=IN IP4 192.0.2.10\r\nt=0 0\r\n"
            + "m=audio 40000 RTP/AVP 0\r\na=rtpmap:0 PCMU/8000\r\n";

    private String method;
    private String uri = "sip:bob@192.0.2.5";
    private String version = "SIP/2.0";
    private final List<String[]> headers = new ArrayList<>();
    private String body = "";

    private SipRequestText(String method) {
        this.method = method;
        header("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1");
        header("Max-Forwards", "70");
        header("From", "<sip:alice@192.0.2.10>;tag=from-1");
        header("To", "<sip:bob@192.0.2.5>");
        header("Call-ID", "call-1@192.0.2.10");
        header("CSeq", "1 " + method);
        header("Contact", "<sip:alice@192.0.2.10:5060>");
    }

    /** INVITE with an SDP offer. */
    static SipRequestText invite() {
        return new SipRequestText("INVITE").header("Content-Type", "application/sdp").body(SDP);
    }

    /** Any method, no body. */
    static SipRequestText request(String method) {
        return new SipRequestText(method);
    }

    SipRequestText method(String value) {
        method = value;
        return this;
    }

    SipRequestText uri(String value) {
        uri = value;
        return this;
    }

    SipRequestText version(String value) {
        version = value;
        return this;
    }

    /** Adds a header line (after those already there). */
    SipRequestText header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** Replaces every header of that name by one with this value. */
    SipRequestText set(String name, String value) {
        without(name);
        return header(name, value);
    }

    SipRequestText without(String name) {
        headers.removeIf(h -> h[0].equalsIgnoreCase(name));
        return this;
    }

    SipRequestText body(String value) {
        body = value;
        return this;
    }

    String text() {
        StringBuilder text = new StringBuilder(method).append(' ').append(uri).append(' ').append(version).append("\r\n");
        boolean length = false;
        for (String[] header : headers) {
            text.append(header[0]).append(": ").append(header[1]).append("\r\n");
            length |= header[0].equalsIgnoreCase("Content-Length");
        }
        if (!length) {
            text.append("Content-Length: ").append(body.getBytes(StandardCharsets.UTF_8).length).append("\r\n");
        }
        return text.append("\r\n").append(body).toString();
    }

    Request parse() {
        try {
            return (Request) new StringMsgParser().parseSIPMessage(text().getBytes(StandardCharsets.UTF_8), true, false,
                    null);
        } catch (ParseException e) {
            throw new IllegalArgumentException("JAIN-SIP refuses the test request:\n" + text(), e);
        }
    }
}
