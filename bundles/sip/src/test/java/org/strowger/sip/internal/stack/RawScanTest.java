package org.strowger.sip.internal.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class RawScanTest {

    /** The 49 RFC 4475 messages (see rfc4475/README.md). */
    static final List<String> CORPUS = List.of("wsinv", "intmeth", "esc01", "escnull", "esc02", "lwsdisp", "longreq",
            "dblreq", "semiuri", "transports", "mpart01", "unreason", "noreason", "badinv01", "clerr", "ncl",
            "scalar02", "scalarlg", "quotbal", "ltgtruri", "lwsruri", "lwsstart", "trws", "escruri", "baddate",
            "regbadct", "badaspec", "baddn", "badvers", "mismatch01", "mismatch02", "bigcode", "badbranch", "insuf",
            "unkscm", "novelsc", "unksm2", "bext01", "invut", "regaut01", "multi01", "mcl01", "bcast", "zeromf",
            "cparam01", "cparam02", "regescrt", "sdp01", "inv2543");

    static byte[] torture(String name) {
        try (InputStream in = RawScanTest.class.getResourceAsStream("/rfc4475/" + name + ".sip")) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawScan scan(String text) {
        return RawScan.of(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void onTheTortureCorpusTheRawChecksFlagExactlyTheMessagesTheParserHides() {
        Map<String, RawScan> scans = new TreeMap<>();
        for (String name : CORPUS) {
            scans.put(name, RawScan.of(torture(name)));
        }
        assertThat(scans.values()).doesNotContainNull();
        assertThat(names(scans, s -> s.badVersion())).containsExactly("badvers");
        assertThat(names(scans, s -> !s.repeated().isEmpty())).containsExactly("multi01");
        assertThat(names(scans, s -> s.contentLengths() > 1)).containsExactly("mcl01");
        assertThat(names(scans, s -> s.contentLengths() == 0)).containsExactly("inv2543");
        assertThat(names(scans, RawScan::response)).containsExactlyInAnyOrder("unreason", "noreason", "scalarlg",
                "bigcode", "bcast");
    }

    private static List<String> names(Map<String, RawScan> scans, java.util.function.Predicate<RawScan> test) {
        return scans.entrySet().stream().filter(e -> test.test(e.getValue())).map(Map.Entry::getKey).toList();
    }

    @Test
    void badversKeepsTheVersionOnTheWire() {
        RawScan scan = RawScan.of(torture("badvers"));
        assertThat(scan.version()).isEqualTo("SIP/7.0");
        assertThat(scan.badVersion()).isTrue();
        assertThat(scan.versionIsWellFormed()).isTrue();
        assertThat(scan.response()).isFalse();
        assertThat(scan.startLine()).isEqualTo("OPTIONS sip:t.watson@example.org SIP/7.0");
    }

    @Test
    void multi01RepeatsEveryHeaderThatMustBeUnique() {
        RawScan scan = RawScan.of(torture("multi01"));
        assertThat(scan.repeated()).containsExactly("Call-ID", "CSeq", "From", "To", "Max-Forwards");
        assertThat(scan.contentLengths()).isEqualTo(1);
        assertThat(scan.badVersion()).isFalse();
    }

    @Test
    void mcl01HasTwoContentLengths() {
        RawScan scan = RawScan.of(torture("mcl01"));
        assertThat(scan.contentLengths()).isEqualTo(2);
        assertThat(scan.repeated()).isEmpty();
    }

    @Test
    void inv2543BodyStartsAfterTheEmptyLine() {
        byte[] octets = torture("inv2543");
        RawScan scan = RawScan.of(octets);
        assertThat(scan.contentLengths()).isZero();
        assertThat(new String(octets, scan.bodyOffset(), octets.length - scan.bodyOffset(), StandardCharsets.US_ASCII))
                .startsWith("v=0\r\n").endsWith("m=audio 49217 RTP/AVP 0\r\n");
        assertThat(RawScan.blankFrom(octets, scan.bodyOffset())).isFalse();
    }

    @Test
    void extraWhitespaceInTheRequestLineIsNotAVersionError() {
        assertThat(RawScan.of(torture("trws")).version()).isEqualTo("SIP/2.0");
        assertThat(RawScan.of(torture("lwsstart")).version()).isEqualTo("SIP/2.0");
        assertThat(scan("INVITE sip:a@b sip/2.0\r\n\r\n").badVersion()).as("SIP-Version is case-insensitive").isFalse();
        assertThat(scan("INVITE sip:a@b SIP/2.0 \t \r\n\r\n").version()).isEqualTo("SIP/2.0");
    }

    @Test
    void statusLineVersionIsItsFirstToken() {
        RawScan ok = scan("SIP/2.0 200 OK\r\nVia: SIP/2.0/UDP h\r\n\r\n");
        assertThat(ok.response()).isTrue();
        assertThat(ok.badVersion()).isFalse();
        RawScan bad = scan("SIP/3.0 200 OK\r\n\r\n");
        assertThat(bad.response()).isTrue();
        assertThat(bad.version()).isEqualTo("SIP/3.0");
        assertThat(bad.badVersion()).isTrue();
    }

    @Test
    void aRequestLineWithoutVersionHasNone() {
        RawScan scan = scan("hello\r\n");
        assertThat(scan.version()).isEmpty();
        assertThat(scan.badVersion()).isTrue();
        assertThat(scan.versionIsWellFormed()).isFalse();
        assertThat(scan("INVITE sip:a@b SIP/2.0.0.0.0\r\n\r\n").versionIsWellFormed()).isFalse();
        assertThat(scan("INVITE sip:a@b SIP/7.0\u0000\r\n\r\n").versionIsWellFormed()).isFalse();
    }

    @Test
    void compactFormsSpacingAndCaseCountAsTheSameHeader() {
        RawScan scan = scan("OPTIONS sip:a@b SIP/2.0\r\n"
                + "i: one\r\nCALL-ID  : two\r\n"
                + "t: <sip:a@b>\r\nto:<sip:c@d>\r\n"
                + "f: <sip:e@f>\r\n"
                + "cseq: 1 OPTIONS\r\n"
                + "l: 0\r\ncontent-length\t: 0\r\n"
                + "Max-Forwards: 70\r\n\r\n");
        assertThat(scan.repeated()).containsExactly("Call-ID", "To");
        assertThat(scan.contentLengths()).isEqualTo(2);
    }

    @Test
    void foldedContinuationLinesAreNotHeaders() {
        RawScan scan = scan("OPTIONS sip:a@b SIP/2.0\r\n"
                + "Subject: hello\r\n"
                + " Call-ID: not a header\r\n"
                + "\tTo: nor this\r\n"
                + "Call-ID: x\r\nTo: <sip:a@b>\r\n\r\n");
        assertThat(scan.repeated()).isEmpty();
    }

    @Test
    void headersInTheBodyAreNotCounted() {
        RawScan scan = scan("MESSAGE sip:a@b SIP/2.0\r\nCall-ID: x\r\nContent-Length: 22\r\n\r\nCall-ID: y\r\nTo: z\r\n\r\n");
        assertThat(scan.repeated()).isEmpty();
        assertThat(scan.contentLengths()).isEqualTo(1);
    }

    @Test
    void linesSplitLikeJainSip() {
        RawScan lf = scan("\r\n\r\nOPTIONS sip:a@b SIP/2.0\nCall-ID: a\ni: b\n\nbody");
        assertThat(lf.startLine()).isEqualTo("OPTIONS sip:a@b SIP/2.0");
        assertThat(lf.repeated()).containsExactly("Call-ID");
        assertThat(lf.bodyOffset()).isEqualTo(lf.startLine().length() + 4 + "\nCall-ID: a\ni: b\n\n".length());
        assertThat(scan("OPTIONS sip:a@b SIP/2.0\r\nCall-ID: a\r\n").bodyOffset()).as("no end of headers").isEqualTo(-1);
    }

    @Test
    void controlCharactersOnlyIsNoMessage() {
        assertThat(RawScan.of(new byte[0])).isNull();
        assertThat(scan("\r\n\r\n")).isNull();
        assertThat(RawScan.of(new byte[] {0, 1, 2, '\r', '\n'})).isNull();
    }

    @Test
    void blankFromTreatsOnlyWhitespaceAsBlank() {
        byte[] octets = "ab\r\n \t".getBytes(StandardCharsets.US_ASCII);
        assertThat(RawScan.blankFrom(octets, 2)).isTrue();
        assertThat(RawScan.blankFrom(octets, 1)).isFalse();
        assertThat(RawScan.blankFrom(octets, octets.length)).isTrue();
    }

    @Test
    void neverThrowsOnArbitraryOctets() {
        Random random = new Random(4475);
        byte[] alphabet = "SIP/2.0 \r\n\t:iftlCall-IDTo\u0000\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        TreeSet<Integer> lengths = new TreeSet<>();
        for (int run = 0; run < 3000; run++) {
            byte[] octets = new byte[random.nextInt(200)];
            for (int i = 0; i < octets.length; i++) {
                octets[i] = run % 2 == 0 ? (byte) random.nextInt(256) : alphabet[random.nextInt(alphabet.length)];
            }
            lengths.add(octets.length);
            assertThatCode(() -> {
                RawScan scan = RawScan.of(octets);
                if (scan != null) {
                    scan.badVersion();
                    scan.versionIsWellFormed();
                    RawScan.blankFrom(octets, scan.bodyOffset());
                }
            }).doesNotThrowAnyException();
        }
        assertThat(lengths).contains(0);
    }
}
