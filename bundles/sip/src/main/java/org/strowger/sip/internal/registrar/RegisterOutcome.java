package org.strowger.sip.internal.registrar;

import java.util.List;

/**
 * The registrar's answer: a SIP status, the endpoint's bindings after the change (listed in a
 * 200), and for 423 the shortest expiry we accept.
 */
public record RegisterOutcome(int status, String reason, List<Binding> bindings, int minExpires) {

    static RegisterOutcome ok(List<Binding> bindings) {
        return new RegisterOutcome(200, "OK", bindings, 0);
    }

    static RegisterOutcome refused(int status, String reason) {
        return new RegisterOutcome(status, reason, List.of(), 0);
    }
}
