package org.strowger.pbx.internal.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.strowger.pbx.internal.config.ContextDef;
import org.strowger.pbx.internal.config.IncludeLine;
import org.strowger.pbx.internal.config.ParsedDialplan;
import org.strowger.pbx.internal.config.PriorityLine;
import org.strowger.pbx.internal.engine.CompiledDialplan;

/** The dialplan as the console shows it, in the layout Asterisk users know from {@code dialplan show}. */
final class DialplanPrinter {

    private DialplanPrinter() {
    }

    static List<String> show(ParsedDialplan plan, String filter) {
        String extensionFilter = null;
        String contextFilter = null;
        if (filter != null && !filter.isBlank()) {
            int at = filter.indexOf('@');
            if (at >= 0) {
                extensionFilter = filter.substring(0, at);
                contextFilter = filter.substring(at + 1);
            } else {
                contextFilter = filter;
            }
        }
        List<String> lines = new ArrayList<>();
        int contexts = 0;
        int extensions = 0;
        int priorities = 0;
        for (ContextDef context : plan.contexts().values()) {
            if (contextFilter != null && !contextFilter.isEmpty() && !context.name().equals(contextFilter)) {
                continue;
            }
            contexts++;
            lines.add("[ Context '" + context.name() + "' created by 'pbx_config' ]");
            Map<String, List<PriorityLine>> byExtension = new LinkedHashMap<>();
            for (PriorityLine line : context.priorities()) {
                String key = line.extension() + (line.callerIdMatch() == null ? "" : "/" + line.callerIdMatch());
                byExtension.computeIfAbsent(key, k -> new ArrayList<>()).add(line);
            }
            for (List<PriorityLine> steps : byExtension.values()) {
                PriorityLine first = steps.get(0);
                if (extensionFilter != null && !first.extension().equals(extensionFilter)) {
                    continue;
                }
                extensions++;
                String name = "'" + first.extension() + "'" + (first.callerIdMatch() == null ? ""
                        : " (CID match '" + first.callerIdMatch() + "')") + " =>";
                boolean head = true;
                for (PriorityLine step : steps.stream().sorted((a, b) -> Integer.compare(a.priority(), b.priority()))
                        .toList()) {
                    priorities++;
                    String label = step.label() == null ? "" : "[" + step.label() + "] ";
                    String text = step.priority() + ". " + label + step.application() + "(" + step.data() + ")";
                    lines.add(String.format("  %-17s %-45s [%s]", head ? name : "", text, step.at()));
                    head = false;
                }
            }
            for (IncludeLine include : context.includes()) {
                lines.add(String.format("  %-17s %-45s [%s]", "Include =>", "'" + include.context() + "'"
                        + (include.timeWindow() == null ? "" : "|" + include.timeWindow()), include.at()));
            }
            lines.add("");
        }
        if (contexts == 0 && contextFilter != null) {
            lines.add("There is no existence of '" + contextFilter + "' context");
            return lines;
        }
        lines.add("-= " + extensions + " extension" + (extensions == 1 ? "" : "s") + " (" + priorities + " priorit"
                + (priorities == 1 ? "y" : "ies") + ") in " + contexts + " context" + (contexts == 1 ? "" : "s")
                + ". =-");
        return lines;
    }

    static List<String> explain(CompiledDialplan plan, String extension, String context, String callerId) {
        List<String> lines = new ArrayList<>();
        List<PriorityLine> candidates = plan.index().explain(context, extension, callerId);
        if (candidates.isEmpty()) {
            lines.add("No extension in '" + context + "' (or its includes) matches '" + extension + "'.");
            return lines;
        }
        lines.add("'" + extension + "' in '" + context + "' is tried against, in this order:");
        int n = 1;
        for (PriorityLine candidate : candidates) {
            lines.add(String.format("  %d. '%s'%s  first step %d. %s(%s)  [%s]", n++, candidate.extension(),
                    candidate.callerIdMatch() == null ? "" : " (CID '" + candidate.callerIdMatch() + "')",
                    candidate.priority(), candidate.application(), candidate.data(), candidate.at()));
        }
        lines.add("The first one that has the priority asked for runs; a missing priority falls through to the next.");
        return lines;
    }
}
