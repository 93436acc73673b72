package org.strowger.sip.internal.router;

import static org.strowger.sip.internal.router.SipRequestText.request;
import static org.strowger.sip.internal.router.Verdicts.assertPasses;
import static org.strowger.sip.internal.router.Verdicts.assertRefused;

import org.junit.jupiter.api.Test;

/** What the registrar needs to see checked before it binds anything (RFC 4475 unksm2, regbadct, regescrt). */
class RequestChecksRegisterTest {

    private static SipRequestText register() {
        return request("REGISTER").uri("sip:192.0.2.5").set("To", "<sip:alice@192.0.2.5>");
    }

    @Test
    void aNormalRegisterPasses() {
        assertPasses(register().header("Expires", "3600").parse());
    }

    @Test
    void aRegisterWhoseAddressOfRecordIsNotSipIs400() {
        assertRefused(register().set("To", "isbn:2983792873").parse(), 400, "not a SIP or SIPS URI");
    }

    @Test
    void aSipsAddressOfRecordPasses() {
        assertPasses(register().set("To", "<sips:alice@192.0.2.5>").parse());
    }

    @Test
    void aContactWithUriHeadersButNoAngleBracketsIs400() {
        assertRefused(register().set("Contact", "sip:alice@192.0.2.10?Route=%3Csip:sip.example.com%3E").parse(), 400,
                "must be enclosed in <>");
    }

    @Test
    void aContactWithUriHeadersInsideAngleBracketsPasses() {
        assertPasses(register().set("Contact", "<sip:alice@192.0.2.10?Route=%3Csip:sip.example.com%3E>").parse());
    }

    @Test
    void aContactWithoutAngleBracketsButWithoutHeadersPasses() {
        assertPasses(register().set("Contact", "sip:alice@192.0.2.10;expires=600").parse());
    }

    @Test
    void aWildcardContactPasses() {
        assertPasses(register().set("Contact", "*").header("Expires", "0").parse());
    }
}
