package org.strowger.sip.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DigestCredentialsTest {

    /** The Authorization header of RFC 2617 §3.5, folded over lines as printed there. */
    private static final String RFC2617_EXAMPLE = """
            Digest username="Mufasa",
                   realm="testrealm@host.com",
                   nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093",
                   uri="/dir/index.html",
                   qop=auth,
                   nc=00000001,
                   cnonce="0a4f113b",
                   response="6629fae49393a05397450978507c4ef1",
                   opaque="5ccc069c403ebaf9f0171e9517f40e41"
            """;

    @Test
    void parsesTheRfc2617Example() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(RFC2617_EXAMPLE);

        assertThat(credentials).isEqualTo(new DigestCredentials("Mufasa", "testrealm@host.com",
                "dcd98b7102dd2f0e8b11d0f600bfb0c093", "/dir/index.html", "6629fae49393a05397450978507c4ef1",
                "MD5", "0a4f113b", "auth", "00000001", "5ccc069c403ebaf9f0171e9517f40e41"));
        assertThat(credentials.digestAlgorithm()).contains(DigestAlgorithm.MD5);
    }

    @Test
    void parsesASipRegisterWithoutQop() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"alice\",realm=\"strowger\","
                + "nonce=\"abc\",uri=\"sip:127.0.0.1\",response=\"0123\",algorithm=MD5");

        assertThat(credentials.uri()).isEqualTo("sip:127.0.0.1");
        assertThat(credentials.qop()).isNull();
        assertThat(credentials.nc()).isNull();
        assertThat(credentials.cnonce()).isNull();
        assertThat(credentials.opaque()).isNull();
    }

    @Test
    void namesAndSchemeIgnoreCaseAndWhitespaceIsAllowedAnywhere() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(" \tdIgEsT   USERNAME =  \"alice\" ,\r\n"
                + "  Realm=\"strowger\" , NONCE= \"n\",Uri =\"sip:a@b\" ,  Response=\"r\", ALGORITHM = sha-256 ,"
                + " QoP=\"auth\" , NC=00000002, CNonce=\"c\"  ");

        assertThat(credentials).isEqualTo(new DigestCredentials(
                "alice", "strowger", "n", "sip:a@b", "r", "sha-256", "c", "auth", "00000002", null));
        assertThat(credentials.digestAlgorithm()).contains(DigestAlgorithm.SHA_256);
    }

    @Test
    void quotedStringsKeepCommasEqualsAndEscapedQuotes() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse("Digest username=\"say \\\"hi\\\", a=b\","
                + " realm=\"back\\\\slash\", nonce=\"n,o=n\", uri=\"sip:x;transport=tcp\", response=\"r\"");

        assertThat(credentials.username()).isEqualTo("say \"hi\", a=b");
        assertThat(credentials.realm()).isEqualTo("back\\slash");
        assertThat(credentials.nonce()).isEqualTo("n,o=n");
        assertThat(credentials.uri()).isEqualTo("sip:x;transport=tcp");
    }

    @Test
    void acceptsUnquotedValuesThatAreNotStrictTokens() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest username=alice, realm=strowger, nonce=ab/cd+ef==, uri=sip:1.2.3.4:5060, response=r");

        assertThat(credentials.nonce()).isEqualTo("ab/cd+ef==");
        assertThat(credentials.uri()).isEqualTo("sip:1.2.3.4:5060");
    }

    @Test
    void toleratesEmptyListElementsAndIgnoresUnknownParameters() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest ,, username=\"a\",,realm=\"r\", userhash=false, nonce=\"n\", uri=\"u\", response=\"x\",");

        assertThat(credentials.username()).isEqualTo("a");
    }

    @Test
    void emptyQuotedValuesAreValues() throws Exception {
        assertThat(DigestCredentials.parse(
                "Digest username=\"\", realm=\"\", nonce=\"\", uri=\"\", response=\"\"").username()).isEmpty();
    }

    @Test
    void keepsAnUnsupportedAlgorithmForTheVerifierToRefuse() throws Exception {
        DigestCredentials credentials = DigestCredentials.parse(
                "Digest username=a, realm=r, nonce=n, uri=u, response=x, algorithm=MD5-sess");

        assertThat(credentials.algorithm()).isEqualTo("MD5-sess");
        assertThat(credentials.digestAlgorithm()).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
        "Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ== | is not Digest",
        "'' | expected the scheme Digest",
        "Digest | lack the username",
        "Digest username=\"a\" | lack the realm",
        "Digest username=a, realm=r, nonce=n, uri=u | lack the response",
        "Digest username | expected '=' after parameter username",
        "Digest username= | expected a value for username",
        "Digest username=\"abc | is not closed",
        "Digest username=\"abc\\ | is not closed",
        "Digest username=\"a\" realm=\"r\" | expected ',' after the value of username",
        "Digest username=a b | expected ',' after the value of username",
        "Digest =\"a\" | expected a parameter name",
        "Digest username=\"a\", username=\"b\" | appears more than once",
        "Digest username=a, USERNAME=b | appears more than once",
        "Digest username=a\"b\" | expected ',' after the value of username",
    })
    void garbageGetsAClearMessage(String value, String message) {
        assertThatThrownBy(() -> DigestCredentials.parse(value))
                .isInstanceOf(DigestParseException.class)
                .hasMessageContaining(message);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {" ", "\u0000", "Digest\u0000username=a", "Digest \"", "Digest ,,,,", "\"Digest\""})
    void oddInputsFailCleanly(String value) {
        assertThatThrownBy(() -> DigestCredentials.parse(value)).isInstanceOf(DigestParseException.class);
    }

    @Test
    void messagesDoNotCarryControlCharactersFromTheInput() {
        assertThatThrownBy(() -> DigestCredentials.parse("Digest username=a\r\nX-Injected: b"))
                .isInstanceOf(DigestParseException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\r", "\n"));
        assertThatThrownBy(() -> DigestCredentials.parse("Dig\nest username=a"))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void randomStringsNeverThrowAnythingButDigestParseException() {
        Random random = new Random(20240501);
        String alphabet = "Digest usernamrlcoqp=\",\\ \t\r\n;:/@abcAZ09=\u0000\u00e9\ud83d";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder input = new StringBuilder(i % 7 == 0 ? "Digest " : "");
            int length = random.nextInt(80);
            for (int j = 0; j < length; j++) {
                input.append(random.nextInt(10) == 0
                        ? (char) random.nextInt(0x10000)
                        : alphabet.charAt(random.nextInt(alphabet.length())));
            }
            parseExpectingOnlyDigestParseException(input.toString());
        }
    }

    @Test
    void everyPrefixAndSuffixOfAValidHeaderFailsCleanly() {
        for (int i = 0; i <= RFC2617_EXAMPLE.length(); i++) {
            parseExpectingOnlyDigestParseException(RFC2617_EXAMPLE.substring(0, i));
            parseExpectingOnlyDigestParseException(RFC2617_EXAMPLE.substring(i));
        }
    }

    @Test
    void randomSequencesOfHeaderFragmentsNeverThrowAnythingButDigestParseException() {
        Random random = new Random(2617);
        String[] fragments = {"Digest", " ", "username", "realm", "nonce", "uri", "response", "qop", "=", "\"",
            "\\", ",", "abc", "auth", "\t", "\r\n", ""};
        for (int i = 0; i < 10_000; i++) {
            StringBuilder input = new StringBuilder();
            int count = random.nextInt(25);
            for (int j = 0; j < count; j++) {
                input.append(fragments[random.nextInt(fragments.length)]);
            }
            parseExpectingOnlyDigestParseException(input.toString());
        }
    }

    @Test
    void mutatedValidHeadersNeverThrowAnythingButDigestParseException() {
        Random random = new Random(7616);
        String special = "\",=\\ \t\u0000";
        for (int i = 0; i < 10_000; i++) {
            StringBuilder input = new StringBuilder(RFC2617_EXAMPLE);
            int mutations = 1 + random.nextInt(4);
            for (int m = 0; m < mutations && input.length() > 0; m++) {
                int at = random.nextInt(input.length());
                char c = special.charAt(random.nextInt(special.length()));
                switch (random.nextInt(3)) {
                    case 0 -> input.deleteCharAt(at);
                    case 1 -> input.insert(at, c);
                    default -> input.setCharAt(at, c);
                }
            }
            parseExpectingOnlyDigestParseException(input.toString());
        }
    }

    private static void parseExpectingOnlyDigestParseException(String input) {
        // plain checks rather than AssertJ: this runs tens of thousands of times
        try {
            if (DigestCredentials.parse(input).username() == null) {
                fail("parsed without a username: '" + input + "'");
            }
        } catch (DigestParseException expected) {
            if (expected.getMessage() == null || expected.getMessage().isBlank()) {
                fail("no message for '" + input + "'");
            }
        } catch (RuntimeException | Error e) {
            fail("parse threw " + e + " for input '" + input + "'", e);
        }
    }
}
