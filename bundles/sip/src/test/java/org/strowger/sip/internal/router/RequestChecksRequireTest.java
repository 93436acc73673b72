package org.strowger.sip.internal.router;

import static org.strowger.sip.internal.router.SipRequestText.invite;
import static org.strowger.sip.internal.router.SipRequestText.request;
import static org.strowger.sip.internal.router.Verdicts.assertPasses;
import static org.strowger.sip.internal.router.Verdicts.assertRefused;

import org.junit.jupiter.api.Test;

/** Require (RFC 3261 8.2.2.3): 420 for any option tag we do not support; replaces and norefersub we do. */
class RequestChecksRequireTest {

    @Test
    void anUnsupportedOptionTagIs420() {
        assertRefused(invite().header("Require", "100rel").parse(), 420, "unsupported extension required '100rel'");
    }

    @Test
    void replacesIsSupported() {
        assertPasses(invite().header("Require", "replaces").parse());
    }

    @Test
    void norefersubIsSupported() {
        assertPasses(request("REFER").set("To", "<sip:bob@192.0.2.5>;tag=to-1").header("Refer-To", "<sip:carol@192.0.2.5>")
                .header("Require", "norefersub").parse());
    }

    @Test
    void anUnsupportedTagAfterASupportedOneInTheSameHeaderIs420() {
        assertRefused(invite().header("Require", "replaces, 100rel").parse(), 420, "'100rel'");
    }

    @Test
    void anUnsupportedTagInASecondRequireHeaderIs420() {
        assertRefused(invite().header("Require", "replaces").header("Require", "timer").parse(), 420, "'timer'");
    }

    @Test
    void everyUnsupportedTagIsNamed() {
        assertRefused(invite().header("Require", "foo, replaces, bar").parse(), 420,
                "unsupported extension required 'foo, bar'");
    }

    @Test
    void proxyRequireIsIgnoredByAUserAgentServer() {
        assertPasses(invite().header("Proxy-Require", "noProxiesSupportThis").parse());
    }

    @Test
    void requireIsIgnoredOnAckAndCancel() {
        assertPasses(request("ACK").set("To", "<sip:bob@192.0.2.5>;tag=to-1").header("Require", "foo").parse());
        assertPasses(request("CANCEL").header("Require", "foo").parse());
    }
}
