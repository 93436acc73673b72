package org.strowger.sip;

import java.time.Instant;
import java.util.Objects;

/**
 * One contact binding made by REGISTER.
 *
 * @param endpoint  the endpoint that registered
 * @param contact   the Contact URI
 * @param source    transport and address the REGISTER came from, e.g. {@code udp:127.0.0.1:40000}
 * @param expiresAt when the binding lapses unless refreshed
 * @param userAgent the User-Agent header, or an empty string
 */
public record RegistrationInfo(String endpoint, String contact, String source, Instant expiresAt, String userAgent) {

    public RegistrationInfo {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(userAgent, "userAgent");
    }
}
