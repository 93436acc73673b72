package org.strowger.sip.internal.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;

import javax.sip.address.SipURI;
import javax.sip.header.AllowHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.junit.jupiter.api.Test;

import gov.nist.javax.sip.parser.StringMsgParser;

class SipMessagesTest {

    private final SipMessages messages = new SipMessages(SipFactories.create("Strowger"), "192.0.2.5", 5080,
            new MessageTrace());

    private static Request invite(String branch, int cseq, String toTag) throws Exception {
        String text = "INVITE sip:bob@192.0.2.5 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 192.0.2.10:5060;branch=" + branch + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:alice@192.0.2.10>;tag=from-1\r\n"
                + "To: <sip:bob@192.0.2.5>" + (toTag == null ? "" : ";tag=" + toTag) + "\r\n"
                + "Call-ID: call-1@192.0.2.10\r\n"
                + "CSeq: " + cseq + " INVITE\r\n"
                + "Content-Length: 0\r\n\r\n";
        return (Request) new StringMsgParser().parseSIPMessage(text.getBytes(StandardCharsets.UTF_8), true, false, null);
    }

    private static String toTag(Response response) {
        return ((ToHeader) response.getHeader(ToHeader.NAME)).getTag();
    }

    @Test
    void aFinalResponseGetsAToTag() throws Exception {
        assertThat(toTag(messages.response(invite("z9hG4bK1", 1, null), 200))).isNotBlank();
        assertThat(toTag(messages.response(invite("z9hG4bK1", 1, null), 486))).isNotBlank();
    }

    @Test
    void aProvisionalResponseAbove100GetsAToTag() throws Exception {
        assertThat(toTag(messages.response(invite("z9hG4bK1", 1, null), 180))).isNotBlank();
    }

    @Test
    void trying100GetsNoToTag() throws Exception {
        assertThat(toTag(messages.response(invite("z9hG4bK1", 1, null), 100))).isNull();
    }

    @Test
    void theRequestItselfIsNotTagged() throws Exception {
        Request request = invite("z9hG4bK1", 1, null);

        messages.response(request, 200);

        assertThat(((ToHeader) request.getHeader(ToHeader.NAME)).getTag()).isNull();
    }

    @Test
    void ringingAndTheAnswerToOneInviteCarryTheSameToTag() throws Exception {
        // RFC 3261 8.2.6.2; JAIN-SIP refuses to send a 200 whose tag differs from the 180's ("Tag mismatch")
        Request request = invite("z9hG4bK1", 1, null);

        String ringing = toTag(messages.response(request, 180));
        String ok = toTag(messages.response(request, 200));

        assertThat(ok).isEqualTo(ringing);
    }

    @Test
    void aRetransmittedRequestGetsTheSameToTag() throws Exception {
        assertThat(toTag(messages.response(invite("z9hG4bK1", 1, null), 486)))
                .isEqualTo(toTag(messages.response(invite("z9hG4bK1", 1, null), 486)));
    }

    @Test
    void anotherRequestGetsAnotherToTag() throws Exception {
        String first = toTag(messages.response(invite("z9hG4bK1", 1, null), 407));
        String second = toTag(messages.response(invite("z9hG4bK2", 2, null), 200));

        assertThat(second).isNotEqualTo(first);
    }

    @Test
    void toTagsAreNotTheSameForAnotherInstance() throws Exception {
        SipMessages other = new SipMessages(SipFactories.create("Strowger"), "192.0.2.5", 5080, new MessageTrace());

        assertThat(toTag(other.response(invite("z9hG4bK1", 1, null), 200)))
                .isNotEqualTo(toTag(messages.response(invite("z9hG4bK1", 1, null), 200)));
    }

    @Test
    void anExistingToTagIsKept() throws Exception {
        assertThat(toTag(messages.response(invite("z9hG4bK1", 2, "dialog-7"), 200))).isEqualTo("dialog-7");
    }

    @Test
    void addAllowAddsOneAllowHeaderPerMethod() throws Exception {
        Response response = messages.response(invite("z9hG4bK1", 1, null), 405);

        messages.addAllow(response);

        List<String> methods = new ArrayList<>();
        ListIterator<?> allows = response.getHeaders(AllowHeader.NAME);
        while (allows.hasNext()) {
            methods.add(((AllowHeader) allows.next()).getMethod());
        }
        assertThat(methods).containsExactly("INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REFER", "NOTIFY", "REGISTER", "INFO");
    }

    @Test
    void contactForTcpCarriesTheTransportParameter() {
        ContactHeader contact = messages.contact("TCP");

        SipURI uri = (SipURI) contact.getAddress().getURI();
        assertThat(uri.getUser()).isEqualTo("strowger");
        assertThat(uri.getHost()).isEqualTo("192.0.2.5");
        assertThat(uri.getPort()).isEqualTo(5080);
        assertThat(uri.getTransportParam()).isEqualTo("tcp");
    }

    @Test
    void contactForUdpHasNoTransportParameter() {
        assertThat(((SipURI) messages.contact("udp").getAddress().getURI()).getTransportParam()).isNull();
        assertThat(((SipURI) messages.contact(null).getAddress().getURI()).getTransportParam()).isNull();
    }
}
