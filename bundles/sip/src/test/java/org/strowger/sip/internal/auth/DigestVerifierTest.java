package org.strowger.sip.internal.auth;

import org.strowger.sip.internal.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DigestVerifierTest {

    /** For RFC examples, whose nonces we did not issue. */
    private static final NonceChecker ANY_NONCE_IS_FRESH = nonce -> NonceCheck.VALID;

    @Nested
    class RfcExamples {

        private static final String RFC7616_SHA256_RESPONSE =
                "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";

        private final DigestVerifier verifier = new DigestVerifier(ANY_NONCE_IS_FRESH);

        @Test
        void rfc2617Md5Example() throws Exception {
            DigestCredentials credentials = DigestCredentials.parse("Digest username=\"Mufasa\","
                    + " realm=\"testrealm@host.com\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c093\","
                    + " uri=\"/dir/index.html\", qop=auth, nc=00000001, cnonce=\"0a4f113b\","
                    + " response=\"6629fae49393a05397450978507c4ef1\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\"");

            assertThat(verifier.verify(credentials, "GET", "testrealm@host.com", "Mufasa", "Circle Of Life"))
                    .isEqualTo(Verdict.OK);
        }

        @Test
        void rfc7616Sha256Example() throws Exception {
            assertThat(verifier.verify(rfc7616("SHA-256", RFC7616_SHA256_RESPONSE),
                    "GET", "http-auth@example.org", "Mufasa", "Circle of Life")).isEqualTo(Verdict.OK);
        }

        @Test
        void rfc7616Md5Example() throws Exception {
            assertThat(verifier.verify(rfc7616("MD5", "8ca523f5e9506fed4657c9700eebdbec"),
                    "GET", "http-auth@example.org", "Mufasa", "Circle of Life")).isEqualTo(Verdict.OK);
        }

        @Test
        void theRfc2617PasswordIsNotTheRfc7616One() throws Exception {
            // RFC 2617 spells it "Circle Of Life", RFC 7616 "Circle of Life"
            assertThat(verifier.verify(rfc7616("SHA-256", RFC7616_SHA256_RESPONSE),
                    "GET", "http-auth@example.org", "Mufasa", "Circle Of Life")).isEqualTo(Verdict.WRONG_RESPONSE);
        }

        @Test
        void responseHexIsMatchedIgnoringCase() throws Exception {
            assertThat(verifier.verify(rfc7616("MD5", "8CA523F5E9506FED4657C9700EEBDBEC"),
                    "GET", "http-auth@example.org", "Mufasa", "Circle of Life")).isEqualTo(Verdict.OK);
        }

        private DigestCredentials rfc7616(String algorithm, String response) throws DigestParseException {
            return DigestCredentials.parse("Digest username=\"Mufasa\", realm=\"http-auth@example.org\","
                    + " uri=\"/dir/index.html\", algorithm=" + algorithm + ","
                    + " nonce=\"7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v\", nc=00000001,"
                    + " cnonce=\"f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ\", qop=auth,"
                    + " response=\"" + response + "\", opaque=\"FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS\"");
        }
    }

    @Nested
    class SipRegister {

        private static final String REALM = "strowger";
        private static final String USER = "alice";
        private static final String PASSWORD = "s3cret!";
        private static final String URI = "sip:127.0.0.1";

        private final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));
        private final NonceService nonces = new NonceService(clock, "an-in-memory-key-of-enough-bytes".getBytes(),
                Duration.ofMinutes(5), REALM, new SecureRandom());
        private final DigestVerifier verifier = new DigestVerifier(nonces);
        private final String nonce = nonces.newNonce();

        private Verdict register(String password, String nc) throws DigestParseException {
            return verifier.verify(withQop("MD5", "MD5", password, nc), "REGISTER", REALM, USER, PASSWORD);
        }

        private DigestCredentials withQop(String javaAlgorithm, String token, String password, String nc)
                throws DigestParseException {
            String response = ClientDigest.response(javaAlgorithm, USER, REALM, password, "REGISTER", URI, nonce,
                    nc, "a1b2c3", "auth");
            return DigestCredentials.parse("Digest username=\"alice\",realm=\"strowger\",nonce=\"" + nonce
                    + "\",uri=\"sip:127.0.0.1\",response=\"" + response + "\",algorithm=" + token
                    + ",cnonce=\"a1b2c3\",qop=auth,nc=" + nc);
        }

        private DigestCredentials withoutQop(String password) throws DigestParseException {
            String response = ClientDigest.response("MD5", USER, REALM, password, "REGISTER", URI, nonce,
                    null, null, null);
            return DigestCredentials.parse("Digest username=\"alice\", realm=\"strowger\", nonce=\"" + nonce
                    + "\", uri=\"sip:127.0.0.1\", response=\"" + response + "\", algorithm=MD5");
        }

        @Test
        void rightPasswordIsOk() throws Exception {
            assertThat(register(PASSWORD, "00000001")).isEqualTo(Verdict.OK);
        }

        @Test
        void sha256IsOk() throws Exception {
            DigestCredentials credentials = withQop("SHA-256", "SHA-256", PASSWORD, "00000001");

            assertThat(verifier.verify(credentials, "REGISTER", REALM, USER, PASSWORD)).isEqualTo(Verdict.OK);
        }

        @Test
        void wrongPasswordIsAWrongResponse() throws Exception {
            assertThat(register("guess", "00000001")).isEqualTo(Verdict.WRONG_RESPONSE);
        }

        @Test
        void responseForAnotherMethodIsWrong() throws Exception {
            assertThat(verifier.verify(withQop("MD5", "MD5", PASSWORD, "00000001"), "INVITE", REALM, USER, PASSWORD))
                    .isEqualTo(Verdict.WRONG_RESPONSE);
        }

        @Test
        void rfc2069StyleWithoutQopIsOk() throws Exception {
            assertThat(verifier.verify(withoutQop(PASSWORD), "REGISTER", REALM, USER, PASSWORD)).isEqualTo(Verdict.OK);
            assertThat(verifier.verify(withoutQop("guess"), "REGISTER", REALM, USER, PASSWORD))
                    .isEqualTo(Verdict.WRONG_RESPONSE);
        }

        @Test
        void theUriIsHashedAsSentNotAsTheRequestUri() throws Exception {
            // the client put its own form of the Request-URI in uri=; that string is what it hashed
            String uri = "sip:127.0.0.1:5060;transport=udp";
            String response = ClientDigest.response("MD5", USER, REALM, PASSWORD, "REGISTER", uri, nonce,
                    "00000001", "c", "auth");
            DigestCredentials credentials = DigestCredentials.parse("Digest username=\"alice\", realm=\"strowger\","
                    + " nonce=\"" + nonce + "\", uri=\"" + uri + "\", response=\"" + response + "\","
                    + " qop=auth, nc=00000001, cnonce=\"c\"");

            assertThat(verifier.verify(credentials, "REGISTER", REALM, USER, PASSWORD)).isEqualTo(Verdict.OK);
        }

        @Test
        void expiredNonceWithRightPasswordIsStaleNotAFailure() throws Exception {
            clock.advance(Duration.ofMinutes(6));

            Verdict verdict = register(PASSWORD, "00000001");

            assertThat(verdict).isEqualTo(Verdict.STALE_NONCE);
            assertThat(verdict.countsAsFailure()).isFalse();
        }

        @Test
        void expiredNonceWithWrongPasswordIsAWrongResponse() throws Exception {
            clock.advance(Duration.ofMinutes(6));

            assertThat(register("guess", "00000001")).isEqualTo(Verdict.WRONG_RESPONSE);
        }

        @Test
        void forgedNonceIsBadEvenWithAMatchingResponse() throws Exception {
            String forged = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
            String response = ClientDigest.response("MD5", USER, REALM, PASSWORD, "REGISTER", URI, forged,
                    null, null, null);
            DigestCredentials credentials = DigestCredentials.parse("Digest username=alice, realm=strowger,"
                    + " nonce=\"" + forged + "\", uri=\"sip:127.0.0.1\", response=\"" + response + "\"");

            assertThat(verifier.verify(credentials, "REGISTER", REALM, USER, PASSWORD)).isEqualTo(Verdict.BAD_NONCE);
        }

        @Test
        void nonceFromAnotherServerInstanceIsBad() throws Exception {
            NonceService restarted = NonceService.create(clock, REALM);
            DigestVerifier afterRestart = new DigestVerifier(restarted);

            assertThat(afterRestart.verify(withQop("MD5", "MD5", PASSWORD, "00000001"), "REGISTER", REALM, USER,
                    PASSWORD)).isEqualTo(Verdict.BAD_NONCE);
        }

        @Test
        void repeatedOrLowerNonceCountIsAReplay() throws Exception {
            assertThat(register(PASSWORD, "00000001")).isEqualTo(Verdict.OK);
            assertThat(register(PASSWORD, "00000001")).isEqualTo(Verdict.REPLAYED_NONCE_COUNT);
            assertThat(register(PASSWORD, "00000002")).isEqualTo(Verdict.OK);
            assertThat(register(PASSWORD, "0000000a")).isEqualTo(Verdict.OK);
            assertThat(register(PASSWORD, "00000009")).isEqualTo(Verdict.REPLAYED_NONCE_COUNT);
            assertThat(register(PASSWORD, "0000000B")).isEqualTo(Verdict.OK);
        }

        @Test
        void wrongPasswordDoesNotUseUpANonceCount() throws Exception {
            assertThat(register("guess", "00000001")).isEqualTo(Verdict.WRONG_RESPONSE);
            assertThat(register(PASSWORD, "00000001")).isEqualTo(Verdict.OK);
        }

        @Test
        void eachNonceHasItsOwnCount() throws Exception {
            assertThat(register(PASSWORD, "00000005")).isEqualTo(Verdict.OK);

            String otherNonce = nonces.newNonce();
            String response = ClientDigest.response("MD5", USER, REALM, PASSWORD, "REGISTER", URI, otherNonce,
                    "00000001", "x", "auth");
            DigestCredentials other = DigestCredentials.parse("Digest username=alice, realm=strowger, nonce=\""
                    + otherNonce + "\", uri=\"sip:127.0.0.1\", response=" + response + ", qop=auth, nc=00000001,"
                    + " cnonce=x");

            assertThat(verifier.verify(other, "REGISTER", REALM, USER, PASSWORD)).isEqualTo(Verdict.OK);
        }

        @Test
        void otherRealmUserOrAlgorithmIsRefusedBeforeHashing() throws Exception {
            DigestCredentials credentials = withQop("MD5", "MD5", PASSWORD, "00000001");

            assertThat(verifier.verify(credentials, "REGISTER", "other-realm", USER, PASSWORD))
                    .isEqualTo(Verdict.WRONG_REALM);
            assertThat(verifier.verify(credentials, "REGISTER", REALM, "bob", PASSWORD))
                    .isEqualTo(Verdict.USERNAME_MISMATCH);
            assertThat(verifier.verify(withQop("MD5", "MD5-sess", PASSWORD, "00000001"), "REGISTER", REALM, USER,
                    PASSWORD)).isEqualTo(Verdict.UNSUPPORTED_ALGORITHM);
            assertThat(verifier.verify(withQop("MD5", "SHA-512-256", PASSWORD, "00000001"), "REGISTER", REALM, USER,
                    PASSWORD)).isEqualTo(Verdict.UNSUPPORTED_ALGORITHM);
        }

        @Test
        void usernameIsMatchedExactly() throws Exception {
            assertThat(verifier.verify(withQop("MD5", "MD5", PASSWORD, "00000001"), "REGISTER", REALM, "Alice",
                    PASSWORD)).isEqualTo(Verdict.USERNAME_MISMATCH);
        }

        @Test
        void qopParametersMustBeComplete() throws Exception {
            String base = "Digest username=alice, realm=strowger, nonce=\"" + nonce
                    + "\", uri=\"sip:127.0.0.1\", response=0123, ";

            assertThat(verify(base + "qop=auth-int, nc=00000001, cnonce=c")).isEqualTo(Verdict.UNSUPPORTED_QOP);
            assertThat(verify(base + "qop=auth, cnonce=c")).isEqualTo(Verdict.MALFORMED_CREDENTIALS);
            assertThat(verify(base + "qop=auth, nc=00000001")).isEqualTo(Verdict.MALFORMED_CREDENTIALS);
            assertThat(verify(base + "qop=auth, nc=0000000g, cnonce=c")).isEqualTo(Verdict.MALFORMED_CREDENTIALS);
            assertThat(verify(base + "qop=auth, nc=000000001, cnonce=c")).isEqualTo(Verdict.MALFORMED_CREDENTIALS);
            assertThat(verify(base + "qop=auth, nc=\"\", cnonce=c")).isEqualTo(Verdict.MALFORMED_CREDENTIALS);
            assertThat(verify(base + "qop=auth, nc=\u0661, cnonce=c")).isEqualTo(Verdict.MALFORMED_CREDENTIALS);
        }

        private Verdict verify(String header) throws DigestParseException {
            return verifier.verify(DigestCredentials.parse(header), "REGISTER", REALM, USER, PASSWORD);
        }
    }

    @Test
    void onlyPossiblePasswordGuessesCountAsFailures() {
        EnumSet<Verdict> counted = EnumSet.noneOf(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            if (verdict.countsAsFailure()) {
                counted.add(verdict);
            }
        }
        assertThat(counted).containsExactlyInAnyOrder(
                Verdict.WRONG_RESPONSE, Verdict.WRONG_REALM, Verdict.USERNAME_MISMATCH);
    }
}
