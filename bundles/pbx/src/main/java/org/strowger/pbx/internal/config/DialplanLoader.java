package org.strowger.pbx.internal.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the sections of the file layer into a dialplan: {@code [general]} settings, {@code [globals]}
 * values (raw, all such sections merged) and one context per other name (sections sharing a name
 * are merged, with a warning). Templates are skipped. Finally includes are checked against the
 * contexts that exist.
 */
final class DialplanLoader {

    private final Diagnostics diagnostics;
    private final GeneralSettingsReader general;
    private final Map<String, String> globals = new LinkedHashMap<>();
    private final Map<String, ContextBuilder> contexts = new LinkedHashMap<>();
    private final Map<String, ConfSection> templates = new LinkedHashMap<>();

    private DialplanLoader(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
        this.general = new GeneralSettingsReader(diagnostics);
    }

    static ParsedDialplan load(List<ConfSection> sections, Diagnostics diagnostics) {
        DialplanLoader loader = new DialplanLoader(diagnostics);
        ConfSection firstGeneral = null;
        for (ConfSection section : sections) {
            if (section.isTemplate()) {
                loader.templates.putIfAbsent(section.name(), section);
            } else if (section.name().equals("globals")) {
                section.entries().forEach(e -> loader.globals.put(e.key(), e.value()));
            } else if (section.name().equals("general")) {
                if (firstGeneral != null) {
                    loader.warnMerged(section, firstGeneral.at());
                } else {
                    firstGeneral = section;
                }
                section.entries().forEach(loader.general::accept);
            } else {
                loader.context(section);
            }
        }
        loader.checkIncludes();
        Map<String, ContextDef> built = new LinkedHashMap<>();
        loader.contexts.forEach((name, builder) -> built.put(name, builder.build()));
        return new ParsedDialplan(loader.general.build(), loader.globals, built, diagnostics.all());
    }

    private void context(ConfSection section) {
        ContextBuilder builder = contexts.get(section.name());
        if (builder == null) {
            builder = new ContextBuilder(section.name(), section.at(), diagnostics);
            contexts.put(section.name(), builder);
        } else {
            warnMerged(section, builder.definedAt());
        }
        builder.startSection();
        section.entries().forEach(builder::accept);
    }

    private void warnMerged(ConfSection section, SourceLocation first) {
        diagnostics.warning(section.at(), "section [" + section.name() + "] is defined again (first at " + first
                + "); both are merged into one");
    }

    private void checkIncludes() {
        for (Map.Entry<String, ContextBuilder> context : contexts.entrySet()) {
            for (IncludeLine include : context.getValue().includes()) {
                String target = include.context();
                if (target.equals(context.getKey())) {
                    diagnostics.warning(include.at(), "context [" + target + "] includes itself; the include is"
                            + " never searched");
                } else if (!contexts.containsKey(target)) {
                    diagnostics.warning(include.at(), "included context '" + target + "' does not exist" + hint(target));
                }
            }
        }
    }

    private String hint(String missing) {
        if (templates.containsKey(missing)) {
            return "; [" + missing + "] is a template (!), which is not a context";
        }
        return contexts.keySet().stream().filter(name -> name.equalsIgnoreCase(missing)).findFirst()
                .map(name -> "; context names are case-sensitive, did you mean '" + name + "'?")
                .orElse("; lookups skip it");
    }
}
