package org.strowger.pbx.internal.config;

import java.util.Locale;
import java.util.Set;

/** Reads the {@code [general]} lines into {@link GeneralSettings}, warning about what it ignores. */
final class GeneralSettingsReader {

    private static final Set<String> YES = Set.of("yes", "true", "y", "t", "1", "on");
    private static final Set<String> NO = Set.of("no", "false", "n", "f", "0", "off");

    private final Diagnostics diagnostics;
    private boolean autoFallthrough = GeneralSettings.defaults().autoFallthrough();
    private boolean clearGlobalVars = GeneralSettings.defaults().clearGlobalVars();

    GeneralSettingsReader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    void accept(ConfEntry entry) {
        String key = entry.key().toLowerCase(Locale.ROOT);
        switch (key) {
            case "autofallthrough" -> autoFallthrough = bool(entry, autoFallthrough);
            case "clearglobalvars" -> clearGlobalVars = bool(entry, clearGlobalVars);
            case "static", "writeprotect" -> bool(entry, false); // only matter to 'dialplan save', which we lack
            case "extenpatternmatchnew" -> {
                if (bool(entry, false)) {
                    diagnostics.warning(entry.at(), "extenpatternmatchnew is ignored: the sorted matcher is always"
                            + " used (the first matching extension that has the priority)");
                }
            }
            case "userscontext", "overrideswitch" -> {
                if (!entry.value().isEmpty()) {
                    diagnostics.warning(entry.at(), key + " is not supported and is ignored");
                }
            }
            default -> diagnostics.warning(entry.at(), "unknown [general] setting '" + entry.key() + "' is ignored;"
                    + " known: autofallthrough, clearglobalvars, static, writeprotect, extenpatternmatchnew");
        }
    }

    private boolean bool(ConfEntry entry, boolean fallback) {
        String value = entry.value().toLowerCase(Locale.ROOT);
        if (YES.contains(value)) {
            return true;
        }
        if (NO.contains(value)) {
            return false;
        }
        diagnostics.error(entry.at(), entry.key() + " = '" + entry.value() + "' is not a yes/no value");
        return fallback;
    }

    GeneralSettings build() {
        return new GeneralSettings(autoFallthrough, clearGlobalVars);
    }
}
