package org.strowger.pbx;

import java.util.Objects;
import java.util.concurrent.CompletionStage;

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

    /**
     * The application gives its thread back while it waits (Dial while the call is bridged): the
     * call holds no thread until {@code resume} completes; then the dialplan goes on, on a PBX
     * pool thread, with the result {@code resume} completed with (which may be another
     * {@code Suspend}). A stage completed exceptionally counts as {@link Error}; completed with
     * {@code null}, as {@link #CONTINUE}. The channel shows the application as running meanwhile.
     *
     * <p>Suspend only when nothing is left to do on the thread: return it as the very last
     * thing, and touch the call again only in what completes {@code resume}. The stage must
     * complete, at the latest soon after the call's channel hangs up (a bridge's
     * {@code ended()} does): the {@code h} extension runs, and the call leaves the dialplan
     * (and its {@code maxCalls} slot), only after it has. It may complete on any thread; do the
     * work that follows the wait in the stage's own functions only if it is quick and never
     * blocks (the stage may complete in a driver's I/O thread), or return a result and let the
     * dialplan go on.
     *
     * @param resume completes with what the dialplan does next
     * @since 0.2
     */
    record Suspend(CompletionStage<ApplicationResult> resume) implements ApplicationResult {
        public Suspend {
            Objects.requireNonNull(resume, "resume");
        }
    }

    static ApplicationResult jump(String context, String extension, String priority) {
        return new Jump(context, extension, priority);
    }
}
