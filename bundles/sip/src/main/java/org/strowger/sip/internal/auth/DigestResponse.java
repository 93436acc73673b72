package org.strowger.sip.internal.auth;

/**
 * The {@code response} value a client knowing the password must have sent (RFC 2617 §3.2.2.1,
 * RFC 7616 §3.4.1): with a qop, H(HA1:nonce:nc:cnonce:qop:HA2), without one the RFC 2069 form
 * H(HA1:nonce:HA2), where HA1 = H(username:realm:password) and HA2 = H(method:uri).
 */
final class DigestResponse {

    private DigestResponse() {
    }

    /**
     * Expected response for {@code credentials}, using its username, realm, nonce, uri, qop, nc
     * and cnonce exactly as sent. The uri in particular is not re-derived from the request: the
     * client hashed the string it sent.
     */
    static String expected(DigestAlgorithm algorithm, DigestCredentials credentials, String method, String password) {
        String ha1 = algorithm.hashHex(credentials.username() + ':' + credentials.realm() + ':' + password);
        String ha2 = algorithm.hashHex(method + ':' + credentials.uri());
        if (credentials.qop() == null) {
            return algorithm.hashHex(ha1 + ':' + credentials.nonce() + ':' + ha2);
        }
        return algorithm.hashHex(ha1 + ':' + credentials.nonce() + ':' + credentials.nc() + ':'
                + credentials.cnonce() + ':' + credentials.qop() + ':' + ha2);
    }
}
