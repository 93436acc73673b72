package org.strowger.sip.internal.registrar;

import java.time.Instant;

/**
 * A contact registered by an endpoint.
 *
 * @param source transport and address the REGISTER came from, e.g. {@code udp:127.0.0.1:40000}
 */
public record Binding(String endpoint, String contact, String source, Instant expiresAt, String userAgent,
        String callId, long cseq, Instant registeredAt) {
}
