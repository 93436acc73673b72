package org.strowger.sip.internal.auth;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DigestAlgorithmTest {

    @Test
    void hashesToLowerCaseHex() {
        assertThat(DigestAlgorithm.MD5.hashHex("")).isEqualTo("d41d8cd98f00b204e9800998ecf8427e");
        assertThat(DigestAlgorithm.SHA_256.hashHex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashesTheUtf8Bytes() {
        // MD5 of C3 A9, the UTF-8 encoding of é (ISO-8859-1 would hash the single byte E9)
        assertThat(DigestAlgorithm.MD5.hashHex("\u00e9")).isEqualTo("66ddcd97cfdeabb2f6fb8a999b4bc76f");
    }

    @Test
    void findsAlgorithmsByTokenIgnoringCase() {
        assertThat(DigestAlgorithm.fromToken("MD5")).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("md5")).contains(DigestAlgorithm.MD5);
        assertThat(DigestAlgorithm.fromToken("SHA-256")).contains(DigestAlgorithm.SHA_256);
        assertThat(DigestAlgorithm.fromToken("sha-256")).contains(DigestAlgorithm.SHA_256);
    }

    @Test
    void knowsNothingElse() {
        assertThat(DigestAlgorithm.fromToken("MD5-sess")).isEmpty();
        assertThat(DigestAlgorithm.fromToken("SHA-512-256")).isEmpty();
        assertThat(DigestAlgorithm.fromToken("SHA_256")).isEmpty();
        assertThat(DigestAlgorithm.fromToken("")).isEmpty();
        assertThat(DigestAlgorithm.fromToken(null)).isEmpty();
    }
}
