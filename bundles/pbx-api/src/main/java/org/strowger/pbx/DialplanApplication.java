package org.strowger.pbx;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A dialplan application ({@code Dial}, {@code Playback}, ...). Register as an OSGi service with
 * the property {@link #NAME_PROPERTY}; the dialplan can use it at once. Names are matched
 * without regard to case, as in Asterisk. Applications may block (Dial, Wait): they run on the
 * PBX's bounded pool, never on a driver's I/O thread.
 */
@ConsumerType
public interface DialplanApplication {

    /** Service property naming the application, for example {@code Dial}. */
    String NAME_PROPERTY = "strowger.dialplan.application";

    /** How the data splits into arguments; decided at load time, never after substitution. */
    default ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments();
    }

    /** One line for {@code dialplan show applications}. */
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
