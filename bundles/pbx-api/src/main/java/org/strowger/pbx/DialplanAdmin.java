package org.strowger.pbx;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** What operators may do with the dialplan (the console's dialplan commands use it). */
@ProviderType
public interface DialplanAdmin {

    /** The outcome of a reload. */
    record ReloadResult(boolean loaded, String file, int contexts, int extensions, int priorities,
            List<String> errors, List<String> warnings) {
    }

    /**
     * An application or function the dialplan can use now: the name it was registered under, its
     * {@code description()} ({@code ""} when it gives none) and the symbolic name of the bundle
     * that registered it ({@code ""} when not known).
     *
     * @since 0.4
     */
    record Registration(String name, String description, String bundle) {
    }

    /** Re-reads the dialplan file; on errors the running dialplan stays as it was. */
    ReloadResult reload();

    /**
     * The dialplan as text, as {@code dialplan show} prints it: everything, one context
     * ({@code ctx}) or one extension ({@code exten@ctx}).
     */
    List<String> show(String filter);

    /** The candidates for {@code exten} in {@code context}, in the order they would be tried, with why. */
    List<String> explain(String extension, String context, String callerId);

    /** Walks a number through the dialplan without a call: the steps it would run, in order. */
    List<String> dryRun(String extension, String context, String callerId);

    /**
     * Whether {@code extension} has a priority 1 reachable from {@code context} (includes
     * followed) for this caller id ({@code null} for none).
     *
     * @since 0.3
     */
    boolean exists(String context, String extension, String callerId);

    /**
     * Whether more digits after {@code extension} could still reach an extension from
     * {@code context}: a feature collecting digits waits for more while this holds.
     *
     * @since 0.3
     */
    boolean matchMore(String context, String extension, String callerId);

    /** The file the dialplan was loaded from, and the warnings of the last load. */
    ReloadResult lastLoad();

    /**
     * The applications registered now, by name (ignoring case), as {@code core show applications}
     * lists them.
     *
     * @since 0.4
     */
    List<Registration> applications();

    /**
     * The functions registered now, by name (ignoring case), as {@code core show functions} lists
     * them.
     *
     * @since 0.4
     */
    List<Registration> functions();
}
