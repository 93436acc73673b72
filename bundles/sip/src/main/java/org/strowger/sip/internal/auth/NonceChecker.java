package org.strowger.sip.internal.auth;

/**
 * Decides whether a nonce is one we issued and still honour. {@link NonceService} is the real
 * one; the seam exists so fixed nonces (RFC examples) can be verified too.
 */
@FunctionalInterface
public interface NonceChecker {

    NonceCheck check(String nonce);
}
