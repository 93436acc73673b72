package org.strowger.sip.internal.torture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.strowger.sip.internal.torture.JainSipProbe.Outcome;
import org.strowger.sip.internal.torture.JainSipProbe.Verdict;
import org.strowger.sip.internal.torture.TortureCorpus.Case;
import org.strowger.sip.internal.torture.TortureCorpus.Handling;
import org.strowger.sip.internal.torture.TortureCorpus.RfcClass;

/**
 * Feeds every RFC 4475 torture message through JAIN-SIP's parser and pins the verdict recorded in
 * {@link TortureCorpus}: a valid message that stops parsing, an invalid one that starts or stops
 * being rejected, or a parsed message whose content changes fails here, so the driver's bad-input
 * handling can be revisited.
 */
class TortureParseTest {

    private static final String DIR = "rfc4475/";

    /** Outcomes seen in this run, for the summary printed at the end. */
    private static final Map<String, Outcome> SEEN = new LinkedHashMap<>();

    @TestFactory
    Stream<DynamicTest> parserVerdictIsThePinnedOne() {
        return TortureCorpus.CASES.stream().map(c -> DynamicTest.dynamicTest(c.name() + " (" + c.section() + ")",
                () -> {
                    Outcome outcome = JainSipProbe.parseDatagram(read(c.name() + ".sip"));
                    SEEN.put(c.name(), outcome);
                    assertThat(outcome.verdict())
                            .as("%s: JAIN-SIP %s; pinned verdict is %s", c.name(), outcome.describe(), c.parser())
                            .isEqualTo(c.parser());
                    if (outcome.message() != null) {
                        assertThat(c.witness()).as("%s: accepted messages need a witness", c.name()).isNotNull();
                        c.witness().accept(outcome.message());
                    }
                }));
    }

    @Test
    void catalogueFollowsTheRfc() {
        for (Case c : TortureCorpus.CASES) {
            String what = c.name() + " (" + c.rfcClass() + ", " + c.handling() + ")";
            assertThat(c.driver()).as(what).isNotBlank();
            assertThat(c.parser()).as(what + ": a crash is never acceptable").isNotEqualTo(Verdict.CRASHES);
            assertThat(c.deviation() != null).as(what + ": deviation text iff DEVIATION")
                    .isEqualTo(c.handling() == Handling.DEVIATION);
            assertThat(c.witness() != null).as(what + ": witness iff the parser accepts")
                    .isEqualTo(c.parser() != Verdict.REJECTS);
            if (c.rfcClass() == RfcClass.INVALID) {
                // rejected by the parser, or accepted with an explicit statement of what the driver does
                Set<Handling> allowed = c.parser() == Verdict.REJECTS
                        ? Set.of(Handling.STACK_REJECTS)
                        : Set.of(Handling.LIBERAL_ACCEPT, Handling.DRIVER_CHECK, Handling.DRIVER_RAW_CHECK);
                assertThat(allowed).as(what).contains(c.handling());
            } else {
                // valid (or legacy/semantic, i.e. syntactically valid) messages must parse, unless listed as deviations
                assertThat(c.handling()).as(what)
                        .isNotEqualTo(Handling.STACK_REJECTS)
                        .isNotEqualTo(Handling.LIBERAL_ACCEPT);
                if (c.handling() != Handling.DEVIATION) {
                    assertThat(c.parser()).as(what).isNotEqualTo(Verdict.REJECTS);
                }
            }
        }
    }

    @Test
    void validMessagesAllParseExceptListedDeviations() {
        List<String> deviations = TortureCorpus.CASES.stream()
                .filter(c -> c.handling() == Handling.DEVIATION)
                .map(Case::name)
                .toList();
        // inv2543 parses but loses its body; every RFC 4475 section 3.1.1 message parses cleanly
        assertThat(deviations).containsExactly("inv2543");
        assertThat(TortureCorpus.CASES.stream().filter(c -> c.rfcClass() == RfcClass.VALID))
                .hasSize(13)
                .allSatisfy(c -> assertThat(c.parser()).as(c.name()).isEqualTo(Verdict.ACCEPTS));
    }

    @Test
    void corpusIsCompleteAndByteExact() throws IOException {
        Set<String> catalogued = TortureCorpus.CASES.stream()
                .map(Case::name)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(catalogued).as("one catalogue entry per message").hasSize(TortureCorpus.CASES.size()).hasSize(49);

        Set<String> files;
        try (Stream<Path> listing = Files.list(directory())) {
            files = listing.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".sip"))
                    .map(n -> n.substring(0, n.length() - ".sip".length()))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertThat(files).as("message files").isEqualTo(catalogued);

        Map<String, String> pinned = new LinkedHashMap<>();
        for (String line : new String(read("SHA256SUMS"), StandardCharsets.US_ASCII).split("\n")) {
            if (!line.isBlank()) {
                String[] parts = line.trim().split("\\s+\\*?", 2);
                pinned.put(parts[1], parts[0]);
            }
        }
        assertThat(pinned.keySet()).as("SHA256SUMS entries")
                .containsExactlyInAnyOrderElementsOf(catalogued.stream().map(n -> n + ".sip").toList());
        for (Map.Entry<String, String> e : pinned.entrySet()) {
            byte[] bytes = read(e.getKey());
            assertThat(sha256(bytes)).as("%s is byte-exact (no line-ending conversion)", e.getKey())
                    .isEqualTo(e.getValue());
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            int headerEnd = text.indexOf("\r\n\r\n");
            assertThat(headerEnd).as("%s has a CRLF CRLF header terminator", e.getKey()).isPositive();
            assertThat(text.substring(0, headerEnd).replace("\r\n", ""))
                    .as("%s: header lines end in CRLF", e.getKey())
                    .doesNotContain("\n").doesNotContain("\r");
        }
    }

    @Test
    void readmeDescribesEveryMessage() {
        String readme = new String(read("README.md"), StandardCharsets.UTF_8);
        for (Case c : TortureCorpus.CASES) {
            assertThat(readme).as("README row for %s", c.name()).contains("| `" + c.name() + "` |");
        }
    }

    /** The spec table: message, RFC class, parser verdict, what the driver must do. */
    @AfterAll
    static void printSummary() {
        if (SEEN.isEmpty()) {
            return;
        }
        StringBuilder table = new StringBuilder("\nRFC 4475 vs JAIN-SIP 1.3.0-91 (UDP parse path)\n")
                .append("| message | section | RFC | parser | handling | driver must |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Case c : TortureCorpus.CASES) {
            Outcome o = SEEN.get(c.name());
            table.append("| ").append(c.name()).append(" | ").append(c.section()).append(" | ")
                    .append(c.rfcClass()).append(" | ")
                    .append(o == null ? "(not run)" : o.describe().replace("|", "\\|"))
                    .append(" | ").append(c.handling()).append(" | ").append(c.driver()).append(" |\n");
        }
        System.out.println(table);
    }

    private static Path directory() {
        URL url = TortureParseTest.class.getClassLoader().getResource(DIR);
        if (url == null) {
            fail("test resource folder " + DIR + " not on the class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] read(String file) {
        try (InputStream in = TortureParseTest.class.getClassLoader().getResourceAsStream(DIR + file)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + DIR + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
