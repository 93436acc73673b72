package org.strowger.sip.internal.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.StringMsgParser;
import gov.nist.javax.sip.parser.StringMsgParserFactory;

/** The guard's parts that need no network; the stack paths are in RawMessageGuardStackTest. */
class RawMessageGuardTest {

    private final List<String> warnings = new ArrayList<>();
    private final RawMessageGuard guard = new RawMessageGuard(new StringMsgParserFactory(),
            new DropLog(warnings::add, System::nanoTime), RawMessageGuard::datagramSource);

    @Test
    void internalReparsesWithoutAChannelAreNotChecked() throws Exception {
        // JAIN-SIP re-parses its own encodings with a null listener: the guard must stay out of them
        MessageParser parser = guard.createMessageParser(null);
        SIPMessage message = parser.parseSIPMessage(RawScanTest.torture("badvers"), true, false, null);
        assertThat(((SIPRequest) message).getRequestLine().getSipVersion()).isEqualTo("SIP/2.0");
        SIPMessage multi = parser.parseSIPMessage(RawScanTest.torture("multi01"), true, false, null);
        assertThat(multi.getCallId().getCallId()).isEqualTo("multi01.98asdh@192.0.2.1");
        assertThat(warnings).isEmpty();
    }

    @Test
    void theStacksAutomatic400IsPredictedLikeJainSipBuildsIt() {
        assertThat(RawMessageGuard.stackAnswers400(RawScanTest.torture("multi01"))).isTrue();
        assertThat(RawMessageGuard.stackAnswers400(RawScanTest.torture("mcl01"))).isTrue();
        assertThat(RawMessageGuard.stackAnswers400(RawScanTest.torture("scalarlg"))).as("a response").isFalse();
        assertThat(RawMessageGuard.stackAnswers400(ascii("ACK sip:a@b SIP/2.0\r\nVia: x\r\nCSeq: 1 ACK\r\n"
                + "Call-ID: c\r\nFrom: f\r\nTo: t\r\n\r\n"))).as("an ACK").isFalse();
        assertThat(RawMessageGuard.stackAnswers400(ascii("OPTIONS sip:a@b SIP/2.0\r\nv: x\r\nCSeq: 1 OPTIONS\r\n"
                + "i: c\r\nf: f\r\nt: t\r\n\r\n"))).as("compact forms only").isFalse();
        assertThat(RawMessageGuard.stackAnswers400(ascii("hello world\r\n"))).isFalse();
    }

    @Test
    void missingHeaderNamesTheFirstAbsentOne() throws Exception {
        SIPMessage insuf = new StringMsgParser().parseSIPMessage(RawScanTest.torture("insuf"), true, false, null);
        assertThat(RawMessageGuard.missingHeader(insuf)).isEqualTo("From");
        SIPMessage ok = new StringMsgParser().parseSIPMessage(RawScanTest.torture("wsinv"), true, false, null);
        assertThat(RawMessageGuard.missingHeader(ok)).isNull();
    }

    @Test
    void parseErrorsLoseTheCharArrayIdentityJainSipPutsInThem() {
        assertThat(RawMessageGuard.withoutArrayNames("[C@6e0388c4 getNextChar: End of buffer"))
                .isEqualTo("getNextChar: End of buffer");
        assertThat(RawMessageGuard.withoutArrayNames(null)).isNull();
    }

    @Test
    void printableKeepsPeerDataToOneSafeLine() {
        assertThat(RawMessageGuard.printable("a\r\nb\t c\u0000\u00e9{}", 100)).isEqualTo("a b c??{}");
        assertThat(RawMessageGuard.printable("x".repeat(200), 10)).isEqualTo("xxxxxxxxxx...");
        assertThat(RawMessageGuard.printable(null, 10)).isEmpty();
        assertThat(RawMessageGuard.printable("x".repeat(10), 10)).isEqualTo("xxxxxxxxxx");
        assertThat(RawMessageGuard.printable("  lead and trail \r\n", 100)).isEqualTo("lead and trail");
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
