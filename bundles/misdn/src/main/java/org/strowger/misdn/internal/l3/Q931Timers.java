package org.strowger.misdn.internal.l3;

import java.time.Duration;

import org.strowger.misdn.card.PortRole;

/**
 * The durations of layer 3's timers (Q.931 / ETSI EN 300 403 values by default; tests shorten them).
 *
 * @param t303 SETUP sent, no answer: resend once, then clear (102 on TE, 18 on NT)
 * @param t305 DISCONNECT sent, no RELEASE: send RELEASE
 * @param t308 RELEASE sent, no RELEASE COMPLETE: resend once, then free the call reference
 * @param t309 data link lost with the call active: clear with cause 38 unless the link comes back
 * @param t310 CALL PROCEEDING received, nothing more: DISCONNECT with cause 102
 * @param t313 CONNECT sent (TE), no CONNECT ACKNOWLEDGE: DISCONNECT with cause 102
 */
public record Q931Timers(Duration t303, Duration t305, Duration t308, Duration t309, Duration t310, Duration t313) {

    /** The standard values for a role: T310 is 30 s on a terminal, 10 s in the network. */
    public static Q931Timers defaults(PortRole role) {
        return new Q931Timers(Duration.ofSeconds(4), Duration.ofSeconds(30), Duration.ofSeconds(4),
                Duration.ofSeconds(6), Duration.ofSeconds(role == PortRole.NT ? 10 : 30), Duration.ofSeconds(4));
    }

    /** Every timer the same (tests). */
    public static Q931Timers all(Duration d) {
        return new Q931Timers(d, d, d, d, d, d);
    }
}
