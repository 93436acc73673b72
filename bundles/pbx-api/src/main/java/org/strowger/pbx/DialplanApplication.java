package org.strowger.pbx;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A dialplan application ({@code Dial}, {@code Playback}, ...). Register as an OSGi service with
 * the property {@link #NAME_PROPERTY}; the dialplan can use it at once. Names are matched
 * without regard to case, as in Asterisk.
 *
 * <p>Applications run on the PBX's pool, never on a driver's I/O thread, and may block for a
 * while (Wait, Playback, Read). The pool has a bounded number of threads shared by every call,
 * so an application that waits for long, or for another call (Dial while it rings or is
 * bridged), should give its thread back instead: return {@link ApplicationResult.Suspend} with
 * a stage that completes when the wait is over, and only when it has nothing left to do on the
 * thread.
 */
@ConsumerType
public interface DialplanApplication {

    /** Service property naming the application, for example {@code Dial}. */
    String NAME_PROPERTY = "strowger.dialplan.application";

    /** How the data splits into arguments; decided at load time, never after substitution. */
    default ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments();
    }

    /** One line for {@code dialplan:applications}. */
    default String description() {
        return "";
    }

    /**
     * Runs the application.
     *
     * @throws InterruptedException when the call's thread is interrupted (the call is ending)
     */
    ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException;
}
