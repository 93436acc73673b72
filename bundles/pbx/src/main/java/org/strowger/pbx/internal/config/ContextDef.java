package org.strowger.pbx.internal.config;

import java.util.List;
import java.util.Objects;

/** One dialplan context with everything written in it, each list in file order. */
public record ContextDef(String name, List<PriorityLine> priorities, List<IncludeLine> includes,
        List<HintLine> hints, List<String> ignorePatterns) {

    public ContextDef {
        Objects.requireNonNull(name, "name");
        priorities = List.copyOf(priorities);
        includes = List.copyOf(includes);
        hints = List.copyOf(hints);
        ignorePatterns = List.copyOf(ignorePatterns);
    }
}
