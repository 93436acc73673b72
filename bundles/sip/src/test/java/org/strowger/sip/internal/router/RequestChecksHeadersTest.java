package org.strowger.sip.internal.router;

import static org.strowger.sip.internal.router.SipRequestText.invite;
import static org.strowger.sip.internal.router.SipRequestText.request;
import static org.strowger.sip.internal.router.Verdicts.assertPasses;
import static org.strowger.sip.internal.router.Verdicts.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Start line and mandatory headers. */
class RequestChecksHeadersTest {

    @Test
    void aNormalInviteWithSdpPasses() {
        assertPasses(invite().parse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"REGISTER", "OPTIONS", "BYE", "CANCEL", "INFO", "NOTIFY", "UPDATE", "PRACK", "SUBSCRIBE",
            "MESSAGE", "PUBLISH", "REFER"})
    void everyKnownMethodPasses(String method) {
        SipRequestText request = request(method);
        if (method.equals("REGISTER")) {
            request.uri("sip:192.0.2.5").set("To", "<sip:alice@192.0.2.5>");
        }
        assertPasses(request.parse());
    }

    @Test
    void anUnknownMethodIs501() {
        assertRefused(request("FROBNICATE").parse(), 501, "unknown method FROBNICATE");
    }

    @Test
    void anUnknownMethodIs501BeforeAnyOtherProblem() {
        assertRefused(request("NEWMETHOD").set("CSeq", "1 INVITE").without("Call-ID").parse(), 501, "unknown method");
    }

    @Test
    void methodsAreCaseSensitive() {
        assertRefused(request("invite").set("CSeq", "1 invite").parse(), 501, "unknown method invite");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Call-ID", "From", "To", "Via"})
    void aMissingMandatoryHeaderIs400(String header) {
        assertRefused(invite().without(header).parse(), 400, "no " + header + " header");
    }

    @Test
    void aMissingCSeqIs400() {
        assertRefused(invite().without("CSeq").parse(), 400, "no CSeq header");
    }

    @Test
    void aBranchThatIsOnlyTheMagicCookieIs400() {
        assertRefused(invite().set("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=z9hG4bK").parse(), 400, "magic cookie");
    }

    @Test
    void theBareMagicCookieIsRefusedInAnyCase() {
        // JAIN-SIP matches the cookie case-insensitively, so it would key a transaction on Z9HG4BK too
        assertRefused(invite().set("Via", "SIP/2.0/UDP 192.0.2.10:5060;branch=Z9HG4BK").parse(), 400, "magic cookie");
    }

    @Test
    void anRfc2543RequestWithoutBranchPasses() {
        assertPasses(invite().set("Via", "SIP/2.0/UDP 192.0.2.10:5060").parse());
    }

    @Test
    void aCSeqMethodOtherThanTheRequestMethodIs400() {
        assertRefused(request("OPTIONS").set("CSeq", "1 INVITE").parse(), 400,
                "CSeq method INVITE does not match request method OPTIONS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/bob", "mailto:bob@example.com", "urn:service:sos"})
    void aRequestUriSchemeOtherThanSipSipsOrTelIs416(String uri) {
        assertRefused(invite().uri(uri).parse(), 416, "unsupported Request-URI scheme");
    }

    @ParameterizedTest
    @ValueSource(strings = {"sip:bob@192.0.2.5", "sips:bob@192.0.2.5", "tel:+15551234567", "SIP:bob@192.0.2.5"})
    void sipSipsAndTelRequestUrisPass(String uri) {
        assertPasses(invite().uri(uri).parse());
    }

    @Test
    void aRequestUriWithHeadersIs400() {
        assertRefused(invite().uri("sip:bob@192.0.2.5?Route=%3Csip:evil.example.com%3E").parse(), 400,
                "the Request-URI carries headers");
    }

    @Test
    void aTopViaOfAnotherSipVersionIs505() {
        assertRefused(request("OPTIONS").set("Via", "SIP/7.0/UDP 192.0.2.10:5060;branch=z9hG4bK-1").parse(), 505,
                "unsupported SIP version SIP/7.0");
    }

    @Test
    void anotherVersionOnlyInTheStartLineIsNotVisibleAfterParsing() {
        // JAIN-SIP reports SIP/2.0 for any SIP/x.y start line: only a raw-byte check can answer 505 here
        assertPasses(request("OPTIONS").version("SIP/7.0").parse());
    }
}
