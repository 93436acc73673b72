package org.strowger.sip.internal.router;

import static org.strowger.sip.internal.router.SipRequestText.invite;
import static org.strowger.sip.internal.router.SipRequestText.request;
import static org.strowger.sip.internal.router.Verdicts.assertPasses;
import static org.strowger.sip.internal.router.Verdicts.assertRefused;

import javax.sip.message.Request;

import org.junit.jupiter.api.Test;

import gov.nist.javax.sip.header.HeaderFactoryImpl;

/** Body framing, body type and Accept. */
class RequestChecksBodyTest {

    @Test
    void aContentLengthOtherThanTheBodyIs400() throws Exception {
        Request request = invite().parse();
        request.setContentLength(new HeaderFactoryImpl().createContentLengthHeader(SipRequestText.SDP.length() + 10));

        assertRefused(request, 400, "Content-Length " + (SipRequestText.SDP.length() + 10) + " does not match the body");
    }

    @Test
    void aContentLengthWithoutBodyIs400() throws Exception {
        Request request = request("OPTIONS").parse();
        request.setContentLength(new HeaderFactoryImpl().createContentLengthHeader(5));

        assertRefused(request, 400, "does not match the body (0 bytes)");
    }

    @Test
    void anInviteWithABodyTypeWeCannotReadIs415() {
        assertRefused(invite().set("Content-Type", "application/unknownformat").parse(), 415,
                "unsupported body type application/unknownformat");
    }

    @Test
    void aMultipartInviteIs415() {
        assertRefused(invite().set("Content-Type", "multipart/mixed;boundary=xyz").parse(), 415, "multipart/mixed");
    }

    @Test
    void theSdpTypeIsMatchedCaseInsensitively() {
        assertPasses(invite().set("Content-Type", "Application/SDP").parse());
    }

    @Test
    void aNotifyMayCarryASipfrag() {
        assertPasses(request("NOTIFY").set("To", "<sip:bob@192.0.2.5>;tag=to-1").header("Event", "refer")
                .header("Content-Type", "message/sipfrag").body("SIP/2.0 200 OK\r\n").parse());
    }

    @Test
    void aNotifyWithAnotherBodyTypeIs415() {
        assertRefused(request("NOTIFY").set("To", "<sip:bob@192.0.2.5>;tag=to-1").header("Event", "refer")
                .header("Content-Type", "text/plain").body("hello").parse(), 415, "text/plain");
    }

    @Test
    void infoAndMessageBodiesAreNotChecked() {
        assertPasses(request("INFO").set("To", "<sip:bob@192.0.2.5>;tag=to-1")
                .header("Content-Type", "application/dtmf-relay").body("Signal=5\r\nDuration=160\r\n").parse());
        assertPasses(request("MESSAGE").header("Content-Type", "text/plain").body("hello").parse());
    }

    @Test
    void anInviteWhoseAcceptExcludesSdpIs406() {
        assertRefused(invite().header("Accept", "text/nobodyKnowsThis").parse(), 406,
                "the INVITE does not accept application/sdp");
    }

    @Test
    void anOfferlessInviteWhoseAcceptExcludesSdpIs406() {
        assertRefused(request("INVITE").header("Accept", "text/plain").parse(), 406, "does not accept application/sdp");
    }

    @Test
    void anInviteAcceptingSdpAmongOthersPasses() {
        assertPasses(invite().header("Accept", "text/plain").header("Accept", "application/sdp").parse());
        assertPasses(invite().header("Accept", "text/plain, application/sdp").parse());
    }

    @Test
    void anInviteAcceptingAnyApplicationTypeOrAnythingPasses() {
        assertPasses(invite().header("Accept", "application/*").parse());
        assertPasses(invite().header("Accept", "*/*").parse());
    }

    @Test
    void acceptOnlyMattersForInvite() {
        assertPasses(request("OPTIONS").header("Accept", "text/plain").parse());
    }
}
