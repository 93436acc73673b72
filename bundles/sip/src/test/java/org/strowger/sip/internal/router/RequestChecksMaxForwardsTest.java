package org.strowger.sip.internal.router;

import static org.strowger.sip.internal.router.SipRequestText.invite;
import static org.strowger.sip.internal.router.SipRequestText.request;
import static org.strowger.sip.internal.router.Verdicts.assertPasses;
import static org.strowger.sip.internal.router.Verdicts.assertRefused;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Max-Forwards 0 (RFC 4475 zeromf): a request that would make us originate an outbound leg is
 * answered 483; a request that ends here is processed normally.
 */
class RequestChecksMaxForwardsTest {

    @Test
    void aNewInviteWithMaxForwardsZeroIs483() {
        assertRefused(invite().set("Max-Forwards", "0").parse(), 483, "Max-Forwards reached zero");
    }

    @Test
    void aNewInviteWithMaxForwardsOnePasses() {
        assertPasses(invite().set("Max-Forwards", "1").parse());
    }

    @Test
    void aReferWithMaxForwardsZeroIs483() {
        assertRefused(request("REFER").set("To", "<sip:bob@192.0.2.5>;tag=to-1").set("Max-Forwards", "0")
                .header("Refer-To", "<sip:carol@192.0.2.5>").parse(), 483, "Max-Forwards reached zero");
    }

    @Test
    void optionsWithMaxForwardsZeroPasses() {
        assertPasses(request("OPTIONS").set("Max-Forwards", "0").parse());
    }

    @Test
    void registerWithMaxForwardsZeroPasses() {
        assertPasses(request("REGISTER").uri("sip:192.0.2.5").set("To", "<sip:alice@192.0.2.5>")
                .set("Max-Forwards", "0").parse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ACK", "BYE", "INFO", "UPDATE", "NOTIFY"})
    void inDialogRequestsWithMaxForwardsZeroPass(String method) {
        assertPasses(request(method).set("To", "<sip:bob@192.0.2.5>;tag=to-1").set("Max-Forwards", "0").parse());
    }

    @Test
    void aReInviteWithMaxForwardsZeroPasses() {
        assertPasses(invite().set("To", "<sip:bob@192.0.2.5>;tag=to-1").set("Max-Forwards", "0").parse());
    }

    @Test
    void noMaxForwardsAtAllPasses() {
        assertPasses(invite().without("Max-Forwards").parse());
    }
}
