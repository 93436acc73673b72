package org.strowger.sip.internal.config;

/**
 * The driver's authentication settings. A change to them gives the driver a new request guard;
 * other changes keep the guard, and with it the nonces issued and the sources blocked.
 */
public record AuthSettings(String realm, String algorithms, int maxFailures, int failureWindowSeconds,
        int blockSeconds) {

    public static AuthSettings of(SipConfig config) {
        return new AuthSettings(config.realm(), config.authAlgorithms(), config.authMaxFailures(),
                config.authFailureWindowSeconds(), config.authBlockSeconds());
    }
}
