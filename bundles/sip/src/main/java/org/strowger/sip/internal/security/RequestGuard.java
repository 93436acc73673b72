package org.strowger.sip.internal.security;

import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.ListIterator;

import javax.sip.header.Header;
import javax.sip.message.Request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.sip.internal.auth.AuthFailureThrottle;
import org.strowger.sip.internal.auth.DigestAlgorithm;
import org.strowger.sip.internal.auth.DigestChallenge;
import org.strowger.sip.internal.auth.DigestCredentials;
import org.strowger.sip.internal.auth.DigestParseException;
import org.strowger.sip.internal.auth.DigestVerifier;
import org.strowger.sip.internal.auth.FailureOutcome;
import org.strowger.sip.internal.auth.NonceService;
import org.strowger.sip.internal.auth.ThrottleSettings;
import org.strowger.sip.internal.auth.Verdict;
import org.strowger.sip.internal.endpoint.Endpoint;

/**
 * Digest authentication of requests from endpoints with a secret, and the per-source throttle
 * that makes password guessing slow. Nothing with a secret is served before this says ACCEPT.
 */
public final class RequestGuard {

    private static final Logger LOG = LoggerFactory.getLogger(RequestGuard.class);

    private final String realm;
    private final NonceService nonces;
    private final DigestVerifier verifier;
    private final DigestChallenge challenge;
    private final AuthFailureThrottle throttle;

    private final List<DigestAlgorithm> algorithms;

    /** @param algorithms offered in this order: clients such as sipp answer the first challenge only */
    public RequestGuard(String realm, List<DigestAlgorithm> algorithms, Clock clock, ThrottleSettings settings) {
        this.realm = realm;
        this.algorithms = List.copyOf(algorithms);
        this.nonces = NonceService.create(clock, realm);
        this.verifier = new DigestVerifier(nonces);
        this.challenge = new DigestChallenge(realm, Long.toHexString(Double.doubleToLongBits(Math.random())));
        this.throttle = new AuthFailureThrottle(clock, settings);
    }

    public boolean isBlocked(InetAddress source) {
        return throttle.isBlocked(source);
    }

    public GuardVerdict check(Request request, Endpoint endpoint, InetAddress source) {
        if (throttle.isBlocked(source)) {
            return GuardVerdict.REJECT;
        }
        DigestCredentials credentials = credentialsFor(request);
        if (credentials == null) {
            return GuardVerdict.CHALLENGE;
        }
        Verdict verdict = verifier.verify(credentials, request.getMethod(), realm, endpoint.name(),
                endpoint.secret().orElse(""));
        switch (verdict) {
            case OK -> {
                throttle.recordSuccess(source);
                return GuardVerdict.ACCEPT;
            }
            case STALE_NONCE -> {
                return GuardVerdict.CHALLENGE_STALE;
            }
            default -> {
                FailureOutcome outcome = throttle.recordFailure(source, credentials.username());
                if (outcome.justBlocked()) {
                    LOG.warn(outcome.warning());
                }
                LOG.info("SIP {} from {} as '{}': authentication failed ({})", request.getMethod(),
                        source.getHostAddress(), credentials.username(), verdict);
                return outcome.blocked() ? GuardVerdict.REJECT : GuardVerdict.CHALLENGE;
            }
        }
    }

    /** A failed attempt that never got as far as credentials (e.g. an unknown user) still counts. */
    public void countFailure(InetAddress source, String user) {
        FailureOutcome outcome = throttle.recordFailure(source, user);
        if (outcome.justBlocked()) {
            LOG.warn(outcome.warning());
        }
    }

    /** Challenge header values, one per configured algorithm, in the configured order. */
    public List<String> challenges(boolean stale) {
        String nonce = nonces.newNonce();
        return algorithms.stream().map(algorithm -> challenge.header(nonce, algorithm, stale)).toList();
    }

    private DigestCredentials credentialsFor(Request request) {
        for (String name : new String[] {"Authorization", "Proxy-Authorization"}) {
            ListIterator<?> headers = request.getHeaders(name);
            while (headers != null && headers.hasNext()) {
                Header header = (Header) headers.next();
                String value = header instanceof gov.nist.javax.sip.header.SIPHeader sip ? sip.getHeaderValue()
                        : header.toString().substring(header.toString().indexOf(':') + 1).trim();
                try {
                    DigestCredentials credentials = DigestCredentials.parse(value);
                    if (realm.equals(credentials.realm())) {
                        return credentials;
                    }
                } catch (DigestParseException e) {
                    LOG.debug("Unreadable {} header: {}", name, e.getMessage());
                }
            }
        }
        return null;
    }
}
