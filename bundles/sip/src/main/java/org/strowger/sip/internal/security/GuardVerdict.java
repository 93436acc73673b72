package org.strowger.sip.internal.security;

/** What to do with a request that needs digest authentication. */
public enum GuardVerdict {
    /** Credentials are right: serve it. */
    ACCEPT,
    /** No usable credentials yet: answer 401/407 with a fresh challenge. */
    CHALLENGE,
    /** The nonce expired but the client knew the secret: challenge again with stale=true. */
    CHALLENGE_STALE,
    /** Wrong credentials, or the source is blocked: 403, no challenge. */
    REJECT
}
