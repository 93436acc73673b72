package org.strowger.pbx.internal.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A loaded extensions.conf, before any lookup structure is built.
 *
 * @param globals {@code [globals]} values as written (not substituted), in file order
 * @param contexts every context, in the order first defined
 * @param diagnostics the warnings of the load (a plan with errors is never returned)
 */
public record ParsedDialplan(GeneralSettings general, Map<String, String> globals,
        Map<String, ContextDef> contexts, List<Diagnostic> diagnostics) {

    public ParsedDialplan {
        Objects.requireNonNull(general, "general");
        globals = Collections.unmodifiableMap(new LinkedHashMap<>(globals));
        contexts = Collections.unmodifiableMap(new LinkedHashMap<>(contexts));
        diagnostics = List.copyOf(diagnostics);
    }
}
