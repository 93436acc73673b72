package org.strowger.sip.internal.auth;

import java.util.List;
import java.util.Objects;

/**
 * Builds the values of {@code WWW-Authenticate} (401) and {@code Proxy-Authenticate} (407)
 * headers for one realm, e.g.
 * {@code Digest realm="strowger", nonce="...", opaque="...", algorithm=MD5, qop="auth"}.
 */
public final class DigestChallenge {

    /** Strongest first: RFC 7616 §3.7 has the server list its preferred challenge first. */
    private static final List<DigestAlgorithm> PREFERENCE = List.of(DigestAlgorithm.SHA_256, DigestAlgorithm.MD5);

    private final String quotedRealm;
    private final String quotedOpaque;

    /**
     * @param opaque echoed back by clients; {@code null} leaves the parameter out
     * @throws IllegalArgumentException if realm or opaque contain control characters
     */
    public DigestChallenge(String realm, String opaque) {
        this.quotedRealm = QuotedStrings.quote(Objects.requireNonNull(realm, "realm"));
        this.quotedOpaque = opaque == null ? null : QuotedStrings.quote(opaque);
    }

    /** One challenge for {@code algorithm}; {@code stale} tells the client only the nonce expired. */
    public String header(String nonce, DigestAlgorithm algorithm, boolean stale) {
        StringBuilder value = new StringBuilder(160)
                .append("Digest realm=").append(quotedRealm)
                .append(", nonce=").append(QuotedStrings.quote(nonce));
        if (quotedOpaque != null) {
            value.append(", opaque=").append(quotedOpaque);
        }
        value.append(", algorithm=").append(algorithm.token())
                .append(", qop=\"auth\"");
        if (stale) {
            value.append(", stale=true");
        }
        return value.toString();
    }

    /**
     * One challenge per supported algorithm, SHA-256 then MD5, sharing one nonce: the
     * integrator adds one header per value, in this order.
     */
    public List<String> headers(String nonce, boolean stale) {
        return PREFERENCE.stream().map(algorithm -> header(nonce, algorithm, stale)).toList();
    }
}
