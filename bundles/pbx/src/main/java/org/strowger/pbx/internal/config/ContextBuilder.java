package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Builds one context from the lines of its sections: {@code exten}, {@code same}, {@code include},
 * {@code ignorepat}, {@code switch}. Keeps Asterisk's continuation state ({@code n} is the previous
 * <em>line's</em> priority + 1, {@code same =>} reuses the last {@code exten} line's extension),
 * which resets at every section header.
 */
final class ContextBuilder {

    /** What is known about one extension (name + caller-ID match) of this context so far. */
    private static final class Extension {
        final Map<Integer, SourceLocation> priorities = new HashMap<>();
        final Map<String, Integer> labels = new HashMap<>();
        final Map<String, SourceLocation> labelsAt = new HashMap<>();
        HintLine hint;
    }

    /** The line a continuation ({@code n}, {@code s}) continues from. */
    private record Previous(ExtensionKey key, int priority, boolean hint, SourceLocation at) {
    }

    private final String name;
    private final SourceLocation definedAt;
    private final Diagnostics diagnostics;
    private final List<PriorityLine> priorities = new ArrayList<>();
    private final List<IncludeLine> includes = new ArrayList<>();
    private final List<HintLine> hints = new ArrayList<>();
    private final List<String> ignorePatterns = new ArrayList<>();
    private final Map<ExtensionKey, Extension> extensions = new LinkedHashMap<>();
    private final Set<ExtensionKey> warnedCatchAll = new HashSet<>();

    private ExtenLineSyntax.ExtensionField lastExtension;
    private Previous previous;

    ContextBuilder(String name, SourceLocation definedAt, Diagnostics diagnostics) {
        this.name = name;
        this.definedAt = definedAt;
        this.diagnostics = diagnostics;
    }

    SourceLocation definedAt() {
        return definedAt;
    }

    /** A new section header for this context: {@code n} and {@code same} start over. */
    void startSection() {
        lastExtension = null;
        previous = null;
    }

    void accept(ConfEntry entry) {
        try {
            switch (entry.key().toLowerCase(Locale.ROOT)) {
                case "exten" -> exten(entry);
                case "same" -> same(entry);
                case "include" -> include(entry);
                case "ignorepat" -> ignorePattern(entry);
                case "switch", "lswitch", "eswitch" -> diagnostics.warning(entry.at(), "'" + entry.key() + " => "
                        + entry.value() + "' is not supported and is ignored; lookups it would answer fail");
                case "autohints" -> diagnostics.warning(entry.at(), "autohints is not supported and is ignored;"
                        + " write 'exten => EXT,hint,DEVICE' lines instead");
                default -> diagnostics.error(entry.at(), "unknown keyword '" + entry.key() + "' in context [" + name
                        + "]; expected exten, same, include, ignorepat or switch");
            }
        } catch (LineSyntaxException e) {
            diagnostics.error(entry.at(), e.getMessage());
        }
    }

    private void exten(ConfEntry entry) throws LineSyntaxException {
        ExtenLineSyntax.Split split = ExtenLineSyntax.splitExtension(entry.value());
        ExtenLineSyntax.ExtensionField field = ExtenLineSyntax.parseExtension(split.extension());
        lastExtension = field;
        warnAboutCatchAll(field, entry.at());
        step(field, split.rest(), entry.at(), true);
    }

    private void same(ConfEntry entry) throws LineSyntaxException {
        if (lastExtension == null) {
            throw new LineSyntaxException("'same =>' needs an 'exten =>' line above it in this section of [" + name + "]");
        }
        step(lastExtension, entry.value(), entry.at(), false);
    }

    private void warnAboutCatchAll(ExtenLineSyntax.ExtensionField field, SourceLocation at) {
        String exten = field.name();
        if ((exten.equals("_.") || exten.equals("_!")) && warnedCatchAll.add(field.key())) {
            diagnostics.warning(at, "extension '" + exten + "' matches everything, including the special extensions"
                    + " h, i and t (hangup, invalid, timeout), which it then swallows; use '_X.' instead");
        }
    }

    private void step(ExtenLineSyntax.ExtensionField field, String text, SourceLocation at, boolean extenLine)
            throws LineSyntaxException {
        ExtenLineSyntax.Split split = ExtenLineSyntax.splitPriority(text, extenLine ? "exten => EXTENSION," : "same => ");
        PrioritySpec spec = PrioritySpec.parse(split.extension());
        Extension extension = extensions.computeIfAbsent(field.key(), k -> new Extension());
        if (spec.kind() == PrioritySpec.Kind.HINT) {
            previous = new Previous(field.key(), 0, true, at);
            hint(field, extension, split.rest(), at);
            return;
        }
        int priority = resolve(spec, field, extension, at, extenLine);
        previous = new Previous(field.key(), priority, false, at);
        ApplicationCall call = ApplicationCall.parse(split.rest());
        if (!call.trailing().isEmpty()) {
            diagnostics.warning(at, "text '" + call.trailing() + "' after the closing ')' of " + call.name()
                    + " is ignored");
        }
        SourceLocation taken = extension.priorities.get(priority);
        if (taken != null) {
            diagnostics.warning(at, "extension '" + field.key() + "' already has priority " + priority + " (" + taken
                    + "); this line is ignored, the first one wins");
            return;
        }
        extension.priorities.put(priority, at);
        String label = spec.label();
        if (label != null) {
            Integer used = extension.labels.get(label);
            if (used != null) {
                diagnostics.warning(at, "label '" + label + "' is already used by priority " + used + " of extension '"
                        + field.key() + "' (" + extension.labelsAt.get(label) + "); this line keeps priority "
                        + priority + " without the label");
                label = null;
            } else {
                extension.labels.put(label, priority);
                extension.labelsAt.put(label, at);
            }
        }
        priorities.add(new PriorityLine(field.name(), field.callerId(), priority, label, call.name(), call.data(), at));
    }

    private int resolve(PrioritySpec spec, ExtenLineSyntax.ExtensionField field, Extension extension,
            SourceLocation at, boolean extenLine) throws LineSyntaxException {
        switch (spec.kind()) {
            case NUMBER:
                return spec.number();
            case LABEL_REFERENCE:
                Integer labelled = extension.labels.get(spec.base());
                if (labelled == null) {
                    throw new LineSyntaxException("priority '" + spec.base() + "' is not a number, 'n', 's', 'hint'"
                            + " or a label of this extension");
                }
                return labelled + spec.offset();
            default:
                String keyword = spec.base();
                if (previous == null) {
                    throw new LineSyntaxException("priority '" + keyword + "' on the first line of a section of ["
                            + name + "] has no line to continue from; give a number, e.g. 1");
                }
                if (previous.hint()) {
                    throw new LineSyntaxException("priority '" + keyword + "' follows a hint line (" + previous.at()
                            + "), which has no number; give a number, e.g. 1");
                }
                int priority = (spec.kind() == PrioritySpec.Kind.NEXT ? previous.priority() + 1 : previous.priority())
                        + spec.offset();
                if (extenLine && !previous.key().equals(field.key())) {
                    diagnostics.warning(at, "priority '" + keyword + "' continues from extension '" + previous.key()
                            + "' (" + previous.at() + "), so '" + field.key() + "' gets priority " + priority
                            + "; give a number, or use 'same =>' for lines of one extension");
                }
                return priority;
        }
    }

    private void hint(ExtenLineSyntax.ExtensionField field, Extension extension, String devices, SourceLocation at)
            throws LineSyntaxException {
        if (devices.isEmpty()) {
            throw new LineSyntaxException("hint for '" + field.name() + "' names no device; expected e.g."
                    + " 'exten => " + field.name() + ",hint,PJSIP/alice'");
        }
        if (field.callerId() != null) {
            diagnostics.warning(at, "the caller-ID match '/" + field.callerId() + "' of a hint is ignored");
        }
        if (extension.hint != null) {
            diagnostics.warning(at, "extension '" + field.key() + "' already has a hint (" + extension.hint.at()
                    + "); this one is ignored");
            return;
        }
        extension.hint = new HintLine(field.name(), devices, at);
        hints.add(extension.hint);
    }

    private void include(ConfEntry entry) throws LineSyntaxException {
        String value = entry.value();
        int comma = value.indexOf(',');
        String context = (comma < 0 ? value : value.substring(0, comma)).strip();
        String window = comma < 0 ? null : value.substring(comma + 1).strip();
        if (context.isEmpty()) {
            throw new LineSyntaxException("include names no context; expected 'include => other-context'");
        }
        IncludeLine include = new IncludeLine(context, window == null || window.isEmpty() ? null : window, entry.at());
        for (IncludeLine earlier : includes) {
            if (earlier.context().equals(include.context())
                    && Objects.equals(earlier.timeWindow(), include.timeWindow())) {
                diagnostics.warning(entry.at(), "context '" + context + "' is already included (" + earlier.at()
                        + "); this include is ignored");
                return;
            }
        }
        includes.add(include);
    }

    private void ignorePattern(ConfEntry entry) throws LineSyntaxException {
        String pattern = entry.value().strip();
        if (pattern.isEmpty()) {
            throw new LineSyntaxException("ignorepat names no pattern; expected e.g. 'ignorepat => 9'");
        }
        if (ignorePatterns.contains(pattern)) {
            diagnostics.warning(entry.at(), "ignore pattern '" + pattern + "' is already defined; ignored");
            return;
        }
        ignorePatterns.add(pattern);
    }

    List<IncludeLine> includes() {
        return List.copyOf(includes);
    }

    ContextDef build() {
        return new ContextDef(name, priorities, includes, hints, ignorePatterns);
    }
}
