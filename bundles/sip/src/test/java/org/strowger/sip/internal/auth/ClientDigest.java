package org.strowger.sip.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a client computes, written out independently of the production code so the verifier is
 * checked against a second implementation, not against itself.
 */
final class ClientDigest {

    private ClientDigest() {
    }

    static String response(String javaAlgorithm, String user, String realm, String password, String method,
            String uri, String nonce, String nc, String cnonce, String qop) {
        String ha1 = hash(javaAlgorithm, user + ":" + realm + ":" + password);
        String ha2 = hash(javaAlgorithm, method + ":" + uri);
        return qop == null
                ? hash(javaAlgorithm, ha1 + ":" + nonce + ":" + ha2)
                : hash(javaAlgorithm, String.join(":", ha1, nonce, nc, cnonce, qop, ha2));
    }

    private static String hash(String javaAlgorithm, String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance(javaAlgorithm);
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
