package org.strowger.sip.internal.auth;

import java.util.Map;
import java.util.Optional;

/**
 * The parameters of an {@code Authorization} or {@code Proxy-Authorization} Digest value. The
 * first five are required; {@code algorithm} defaults to {@code MD5} as RFC 2617 says; the
 * others are {@code null} when absent. Values are kept as sent, because the response hash is
 * computed over exactly those strings.
 */
public record DigestCredentials(
        String username,
        String realm,
        String nonce,
        String uri,
        String response,
        String algorithm,
        String cnonce,
        String qop,
        String nc,
        String opaque) {

    private static final String DEFAULT_ALGORITHM = "MD5";

    /**
     * Parses a header value such as {@code Digest username="alice", realm="strowger", ...}.
     *
     * @throws DigestParseException if the value is not Digest credentials or lacks a required
     *         parameter; never any other exception
     */
    public static DigestCredentials parse(String authorizationValue) throws DigestParseException {
        Map<String, String> params = AuthParamParser.parse(authorizationValue);
        return new DigestCredentials(
                required(params, "username"),
                required(params, "realm"),
                required(params, "nonce"),
                required(params, "uri"),
                required(params, "response"),
                params.getOrDefault("algorithm", DEFAULT_ALGORITHM),
                params.get("cnonce"),
                params.get("qop"),
                params.get("nc"),
                params.get("opaque"));
    }

    /** The algorithm, if it is one we support. */
    public Optional<DigestAlgorithm> digestAlgorithm() {
        return DigestAlgorithm.fromToken(algorithm);
    }

    private static String required(Map<String, String> params, String name) throws DigestParseException {
        String value = params.get(name);
        if (value == null) {
            throw new DigestParseException("Digest credentials lack the " + name + " parameter");
        }
        return value;
    }
}
