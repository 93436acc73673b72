package org.strowger.sip.internal.auth;

/** The outcome of checking Digest credentials, and what the driver should do about it. */
public enum Verdict {
    /** The client knows the password and the nonce is fresh: let the request through. */
    OK,
    /** Right password, expired nonce: challenge again with {@code stale=true}. */
    STALE_NONCE,
    /** The nonce is not one of ours (or predates a restart): challenge again. */
    BAD_NONCE,
    /** The response does not match: a wrong password, most likely. */
    WRONG_RESPONSE,
    /** The credentials are for another realm. */
    WRONG_REALM,
    /** The credentials name a different user than the one being authenticated. */
    USERNAME_MISMATCH,
    /** An algorithm other than MD5 or SHA-256 (including the -sess variants). */
    UNSUPPORTED_ALGORITHM,
    /** A qop other than {@code auth} (we do not offer {@code auth-int}). */
    UNSUPPORTED_QOP,
    /** A qop without cnonce or nc, or an nc that is not 1 to 8 hex digits. */
    MALFORMED_CREDENTIALS,
    /** Right password, but an nc this nonce has already used (or a lower one): a replay. */
    REPLAYED_NONCE_COUNT;

    /**
     * Whether the failure throttle should count this outcome. Only outcomes where someone may be
     * guessing a password count; stale or unknown nonces (after a restart, say), unsupported
     * options and replays do not, since none of them reveals anything about the password and
     * counting replays would let a spoofed source lock a phone out.
     */
    public boolean countsAsFailure() {
        return this == WRONG_RESPONSE || this == WRONG_REALM || this == USERNAME_MISMATCH;
    }
}
