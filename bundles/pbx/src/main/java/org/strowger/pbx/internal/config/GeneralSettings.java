package org.strowger.pbx.internal.config;

/**
 * The {@code [general]} settings the engine acts on.
 *
 * @param autoFallthrough when an extension runs out of priorities, hang up (true, the default)
 *     instead of waiting for more digits
 * @param clearGlobalVars whether a reload clears globals that are no longer defined (default false)
 */
public record GeneralSettings(boolean autoFallthrough, boolean clearGlobalVars) {

    /** The settings of a dialplan without a {@code [general]} section. */
    public static GeneralSettings defaults() {
        return new GeneralSettings(true, false);
    }
}
