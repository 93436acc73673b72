package org.strowger.sip;

import java.util.Objects;
import java.util.Optional;

/**
 * One configured endpoint as it stands now.
 *
 * @param name        the endpoint's name, the resource of {@code SIP/name} dial strings
 * @param context     dialplan context its calls start in
 * @param kind        how its address is known
 * @param contact     where calls to it go now: a registered or static contact, if any
 * @param reachability result of OPTIONS qualify
 * @param roundTripMillis last qualify round trip, or -1 when unknown
 * @param authenticated true when it has a secret (digest auth required)
 * @param tracing     true while its SIP messages are logged
 */
public record EndpointStatus(String name, String context, Kind kind, Optional<String> contact,
        Reachability reachability, long roundTripMillis, boolean authenticated, boolean tracing) {

    /** How the endpoint's address is known. */
    public enum Kind { DYNAMIC, STATIC, ANONYMOUS }

    /** Qualify result. */
    public enum Reachability { REACHABLE, UNREACHABLE, UNKNOWN, UNMONITORED }

    public EndpointStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(reachability, "reachability");
    }
}
