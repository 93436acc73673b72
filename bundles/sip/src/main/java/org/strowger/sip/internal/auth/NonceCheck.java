package org.strowger.sip.internal.auth;

/** What a nonce presented by a client turned out to be. */
public enum NonceCheck {
    /** Issued by us and still within its lifetime. */
    VALID,
    /**
     * Issued by us but expired: a client that otherwise answered correctly gets a fresh challenge
     * with {@code stale=true} and is not counted as failing.
     */
    STALE,
    /** Not one of ours: forged, corrupted, or issued before a restart. */
    INVALID
}
