package org.strowger.pbx.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.strowger.pbx.internal.config.Diagnostic;
import org.strowger.pbx.internal.config.DialplanIndex;
import org.strowger.pbx.internal.config.PriorityLine;
import org.strowger.pbx.internal.config.Severity;
import org.strowger.pbx.internal.value.Template;

/**
 * Load-time check of Goto, GotoIf, Gosub and GosubIf destinations written as literals: a target
 * context, extension, priority or label that cannot exist is an error at load, not a dropped
 * call at run time. Destinations built from variables are checked when they run.
 */
final class DestinationCheck {

    private DestinationCheck() {
    }

    static List<Diagnostic> check(String context, PriorityLine line, CompiledArguments arguments, DialplanIndex index) {
        List<List<Template>> slots = arguments.slots();
        List<List<Template>> destinations = new ArrayList<>();
        switch (line.application().toLowerCase(Locale.ROOT)) {
            case "goto" -> destinations.add(flatten(slots));
            case "gotoif" -> {
                if (slots.size() > 1) {
                    destinations.add(slots.get(1));
                }
                if (slots.size() > 2) {
                    destinations.add(slots.get(2));
                }
            }
            case "gosub" -> destinations.add(slots.isEmpty() ? List.of() : slots.get(0));
            case "gosubif" -> {
                if (slots.size() > 1) {
                    destinations.add(slots.get(1));
                }
                if (slots.size() > 3) {
                    destinations.add(slots.get(3));
                }
            }
            default -> {
                return List.of();
            }
        }
        List<Diagnostic> problems = new ArrayList<>();
        for (List<Template> destination : destinations) {
            if (destination.isEmpty() || !destination.stream().allMatch(Template::isLiteral)) {
                continue;
            }
            List<String> parts = destination.stream().map(Template::source).map(String::trim).toList();
            problem(context, line, parts, index).ifPresent(message ->
                    problems.add(new Diagnostic(Severity.ERROR, line.at(), message)));
        }
        return problems;
    }

    private static List<Template> flatten(List<List<Template>> slots) {
        List<Template> all = new ArrayList<>();
        slots.forEach(all::addAll);
        return all;
    }

    private static Optional<String> problem(String context, PriorityLine line, List<String> parts, DialplanIndex index) {
        if (parts.size() > 3) {
            return Optional.of(line.application() + "(" + line.data() + "): a destination is [[context,]extension,]priority");
        }
        String targetContext = parts.size() == 3 ? parts.get(0) : context;
        String extension = parts.size() >= 2 ? parts.get(parts.size() - 2) : line.extension();
        String priority = parts.get(parts.size() - 1);
        if (priority.isEmpty()) {
            return Optional.of(line.application() + "(" + line.data() + "): empty priority");
        }
        if (index.context(targetContext).isEmpty()) {
            return Optional.of(line.application() + "(" + line.data() + "): no context '" + targetContext + "'");
        }
        if (extension.startsWith("_") || priority.startsWith("+") || priority.startsWith("-")) {
            return Optional.empty(); // relative or pattern targets: decided at run time
        }
        if (priority.chars().allMatch(Character::isDigit)) {
            if (index.find(targetContext, extension, Integer.parseInt(priority), "").isEmpty()) {
                return Optional.of(line.application() + "(" + line.data() + "): no priority " + priority + " of '"
                        + extension + "' in context '" + targetContext + "'");
            }
            return Optional.empty();
        }
        if (index.findLabel(targetContext, extension, priority, "").isEmpty()) {
            return Optional.of(line.application() + "(" + line.data() + "): no label '" + priority + "' in '"
                    + extension + "@" + targetContext + "'");
        }
        return Optional.empty();
    }
}
