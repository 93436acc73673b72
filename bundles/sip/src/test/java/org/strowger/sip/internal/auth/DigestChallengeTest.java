package org.strowger.sip.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DigestChallengeTest {

    private static final String NONCE = "bm9uY2U";

    @Test
    void buildsTheChallengeValue() {
        DigestChallenge challenge = new DigestChallenge("strowger", "5ccc069c403ebaf9f0171e9517f40e41");

        assertThat(challenge.header(NONCE, DigestAlgorithm.MD5, false)).isEqualTo(
                "Digest realm=\"strowger\", nonce=\"bm9uY2U\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", "
                        + "algorithm=MD5, qop=\"auth\"");
    }

    @Test
    void saysStaleWhenAsked() {
        DigestChallenge challenge = new DigestChallenge("strowger", null);

        assertThat(challenge.header(NONCE, DigestAlgorithm.SHA_256, true)).isEqualTo(
                "Digest realm=\"strowger\", nonce=\"bm9uY2U\", algorithm=SHA-256, qop=\"auth\", stale=true");
    }

    @Test
    void offersSha256FirstThenMd5WithTheSameNonce() {
        DigestChallenge challenge = new DigestChallenge("strowger", null);

        assertThat(challenge.headers(NONCE, false)).containsExactly(
                "Digest realm=\"strowger\", nonce=\"bm9uY2U\", algorithm=SHA-256, qop=\"auth\"",
                "Digest realm=\"strowger\", nonce=\"bm9uY2U\", algorithm=MD5, qop=\"auth\"");
        assertThat(challenge.headers(NONCE, true)).allMatch(value -> value.endsWith(", stale=true"));
    }

    @Test
    void escapesTheRealmSoItParsesBack() throws Exception {
        DigestChallenge challenge = new DigestChallenge("Bob's \"PBX\", floor \\2", null);

        String value = challenge.header(NONCE, DigestAlgorithm.MD5, false);
        Map<String, String> params = AuthParamParser.parse(value);

        assertThat(params).containsEntry("realm", "Bob's \"PBX\", floor \\2").containsEntry("qop", "auth");
    }

    @Test
    void refusesRealmsThatWouldInjectHeaders() {
        assertThatThrownBy(() -> new DigestChallenge("strowger\r\nX-Evil: 1", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DigestChallenge("strowger", "op\naque"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
