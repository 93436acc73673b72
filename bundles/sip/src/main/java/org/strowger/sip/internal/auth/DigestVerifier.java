package org.strowger.sip.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks Digest credentials against the password of the user being authenticated. Accepts
 * {@code qop=auth} (with cnonce and nc, replays refused) and, for old clients, no qop at all
 * (RFC 2069 style, where only the nonce lifetime limits replays). Thread-safe.
 */
public final class DigestVerifier {

    /** Nonces whose counts are remembered; beyond this the least recently used is forgotten. */
    public static final int DEFAULT_TRACKED_NONCES = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(DigestVerifier.class);
    private static final int MAX_NONCE_COUNT_DIGITS = 8;

    private final NonceChecker nonces;
    private final NonceCountTracker nonceCounts;

    public DigestVerifier(NonceChecker nonces) {
        this(nonces, DEFAULT_TRACKED_NONCES);
    }

    public DigestVerifier(NonceChecker nonces, int trackedNonces) {
        this.nonces = Objects.requireNonNull(nonces, "nonces");
        this.nonceCounts = new NonceCountTracker(trackedNonces);
    }

    /**
     * @param method the SIP method of the request, e.g. {@code REGISTER}
     * @param expectedRealm the realm we challenged with
     * @param username the user being authenticated (the endpoint's auth user)
     * @param secret that user's password
     */
    public Verdict verify(DigestCredentials credentials, String method, String expectedRealm,
            String username, String secret) {
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(expectedRealm, "expectedRealm");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Verdict verdict = check(credentials, method, expectedRealm, username, secret);
        if (verdict != Verdict.OK) {
            LOG.debug("Digest credentials of '{}' for {}: {}", username, method, verdict);
        }
        return verdict;
    }

    private Verdict check(DigestCredentials credentials, String method, String expectedRealm,
            String username, String secret) {
        Optional<DigestAlgorithm> algorithm = credentials.digestAlgorithm();
        if (algorithm.isEmpty()) {
            return Verdict.UNSUPPORTED_ALGORITHM;
        }
        if (!credentials.username().equals(username)) {
            return Verdict.USERNAME_MISMATCH;
        }
        if (!credentials.realm().equals(expectedRealm)) {
            return Verdict.WRONG_REALM;
        }
        NonceCheck nonce = nonces.check(credentials.nonce());
        if (nonce == NonceCheck.INVALID) {
            return Verdict.BAD_NONCE;
        }
        long nonceCount = -1;
        if (credentials.qop() != null) {
            if (!credentials.qop().equalsIgnoreCase("auth")) {
                return Verdict.UNSUPPORTED_QOP;
            }
            if (credentials.cnonce() == null || credentials.nc() == null) {
                return Verdict.MALFORMED_CREDENTIALS;
            }
            nonceCount = parseNonceCount(credentials.nc());
            if (nonceCount < 0) {
                return Verdict.MALFORMED_CREDENTIALS;
            }
        }
        String expected = DigestResponse.expected(algorithm.get(), credentials, method, secret);
        if (!constantTimeEquals(expected, credentials.response().toLowerCase(Locale.ROOT))) {
            return Verdict.WRONG_RESPONSE;
        }
        // stale only once the password is proven, as RFC 2617 §3.2.1 asks
        if (nonce == NonceCheck.STALE) {
            return Verdict.STALE_NONCE;
        }
        // counted only after the response matched, so garbage cannot advance a real client's count
        if (nonceCount >= 0 && !nonceCounts.advance(credentials.nonce(), nonceCount)) {
            return Verdict.REPLAYED_NONCE_COUNT;
        }
        return Verdict.OK;
    }

    /** The nc value, or -1 unless it is 1 to 8 hex digits. */
    private static long parseNonceCount(String nc) {
        if (nc.isEmpty() || nc.length() > MAX_NONCE_COUNT_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < nc.length(); i++) {
            char c = nc.charAt(i);
            if (!HexFormat.isHexDigit(c)) { // ASCII only, unlike Character.digit
                return -1;
            }
            value = value * 16 + HexFormat.fromHexDigit(c);
        }
        return value;
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
