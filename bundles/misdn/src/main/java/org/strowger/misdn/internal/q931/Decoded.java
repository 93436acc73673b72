package org.strowger.misdn.internal.q931;

/**
 * What decoding some bytes gave.
 *
 * @param kind whether layer 3 may act on the message
 * @param message the message as far as it decoded (header always, for every kind but
 *        {@link Kind#IGNORED}); faulty IEs are left out of it
 * @param cause 0 when {@link Kind#OK}, else the Q.850 cause to answer with: 96 mandatory IE
 *        missing, 97 message type non-existent, 100 invalid IE contents
 * @param problem what was wrong, for the trace; empty when OK
 */
public record Decoded(Kind kind, Q931Message message, int cause, String problem) {

    public enum Kind {
        /** Act on it. */
        OK,
        /** Act on it, then tell the peer (STATUS with {@link #cause}): an optional IE was faulty and left out. */
        FAULTY,
        /** Do not act on it; answer with {@link #cause} (STATUS, RELEASE or RELEASE COMPLETE as the state calls for). */
        REJECTED,
        /** Not a Q.931 message one can answer (too short, wrong protocol discriminator, bad call reference): drop it. */
        IGNORED
    }

    static Decoded ok(Q931Message m) {
        return new Decoded(Kind.OK, m, 0, "");
    }

    static Decoded ignored(String why) {
        return new Decoded(Kind.IGNORED, null, 0, why);
    }
}
