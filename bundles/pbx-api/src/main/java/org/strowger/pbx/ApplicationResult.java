package org.strowger.pbx;

import java.util.Objects;

/** What the dialplan does after an application returns. */
public sealed interface ApplicationResult {

    /** Go on with the next priority. */
    ApplicationResult CONTINUE = new Continue();

    /** Stop the dialplan (the {@code h} extension then runs). */
    ApplicationResult HANGUP = new Hangup();

    /** Go on with the next priority. */
    record Continue() implements ApplicationResult {
    }

    /** Stop: the caller hung up, or the application ends the call. */
    record Hangup() implements ApplicationResult {
    }

    /**
     * Jump to a place in the dialplan (Goto): context or extension may be null for "the
     * current one"; {@code priority} is a number, a label, or {@code +N}/{@code -N}.
     */
    record Jump(String context, String extension, String priority) implements ApplicationResult {
        public Jump {
            Objects.requireNonNull(priority, "priority");
        }
    }

    /** Digits were dialled: collect more while an extension could still match, then go there. */
    record Digits(String collected) implements ApplicationResult {
    }

    /** An error: go to the {@code e} extension with {@code EXCEPTION=reason}, or end the call. */
    record Error(String reason) implements ApplicationResult {
    }

    static ApplicationResult jump(String context, String extension, String priority) {
        return new Jump(context, extension, priority);
    }
}
