/**
 * Server-side SIP digest authentication (RFC 3261 §22, RFC 2617, RFC 7616 for SHA-256), on
 * header values as strings so it stays independent of the SIP stack.
 *
 * <p>The flow the driver follows for a request that needs authentication:
 * <ol>
 * <li>{@link org.strowger.sip.internal.auth.AuthFailureThrottle#isBlocked} first: a blocked
 * source gets 403 at once, without any digest work.</li>
 * <li>No credentials: answer 401 (or 407) with one {@code WWW-Authenticate} header per value of
 * {@link org.strowger.sip.internal.auth.DigestChallenge#headers}, nonce from
 * {@link org.strowger.sip.internal.auth.NonceService#newNonce}.</li>
 * <li>Credentials: {@link org.strowger.sip.internal.auth.DigestCredentials#parse} then
 * {@link org.strowger.sip.internal.auth.DigestVerifier#verify}. On
 * {@link org.strowger.sip.internal.auth.Verdict#OK} record a success; on
 * {@link org.strowger.sip.internal.auth.Verdict#STALE_NONCE} challenge again with
 * {@code stale=true}; otherwise challenge again (or 403) and, when
 * {@link org.strowger.sip.internal.auth.Verdict#countsAsFailure} says so, record a failure. An
 * unknown user should be challenged and counted like a wrong password, so that answers do not
 * reveal which users exist.</li>
 * </ol>
 *
 * <p>Nonces are stateless (a timestamp and a MAC), so a restart invalidates every outstanding
 * nonce: clients then get {@code BAD_NONCE}, which is deliberately not counted as a failure.
 */
package org.strowger.sip.internal.auth;
