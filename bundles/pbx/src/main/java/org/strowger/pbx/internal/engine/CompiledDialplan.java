package org.strowger.pbx.internal.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;

import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.internal.config.ContextDef;
import org.strowger.pbx.internal.config.Diagnostic;
import org.strowger.pbx.internal.config.DialplanIndex;
import org.strowger.pbx.internal.config.ParsedDialplan;
import org.strowger.pbx.internal.config.PriorityLine;
import org.strowger.pbx.internal.config.Severity;
import org.strowger.pbx.internal.value.DialplanSyntaxException;

/**
 * A loaded dialplan: the parsed file, its index for lookups, and each priority's arguments
 * compiled for its application's syntax. Immutable once built; a reload builds a new one and
 * swaps it in, so a call picks up the new dialplan at its next step.
 */
public final class CompiledDialplan {

    private record StepKey(PriorityLine line, ArgumentSyntax syntax) {
    }

    private final ParsedDialplan parsed;
    private final DialplanIndex index;
    private final Map<StepKey, CompiledArguments> arguments = new ConcurrentHashMap<>();

    private CompiledDialplan(ParsedDialplan parsed) {
        this.parsed = parsed;
        this.index = DialplanIndex.of(parsed);
    }

    public static CompiledDialplan of(ParsedDialplan parsed) {
        return new CompiledDialplan(parsed);
    }

    public ParsedDialplan parsed() {
        return parsed;
    }

    public DialplanIndex index() {
        return index;
    }

    public Optional<PriorityLine> find(String context, String extension, int priority, String callerId) {
        return index.find(context, extension, priority, callerId);
    }

    public boolean exists(String context, String extension, String callerId) {
        return index.exists(context, extension, callerId);
    }

    public boolean matchMore(String context, String extension, String callerId) {
        return index.matchMore(context, extension, callerId);
    }

    public OptionalInt findLabel(String context, String extension, String label, String callerId) {
        return index.findLabel(context, extension, label, callerId);
    }

    /** The step's arguments compiled for the application's syntax (compiled once, then cached). */
    CompiledArguments arguments(PriorityLine line, ArgumentSyntax syntax) throws DialplanSyntaxException {
        StepKey key = new StepKey(line, syntax);
        CompiledArguments compiled = arguments.get(key);
        if (compiled == null) {
            compiled = CompiledArguments.compile(line.data(), syntax);
            arguments.put(key, compiled);
        }
        return compiled;
    }

    /**
     * Load-time checks against the applications registered now: unknown applications (warnings:
     * a bundle may bring them later) and arguments that do not compile (errors).
     */
    public List<Diagnostic> check(DialplanRegistry registry) {
        List<Diagnostic> found = new ArrayList<>();
        for (ContextDef context : parsed.contexts().values()) {
            for (PriorityLine line : context.priorities()) {
                Optional<DialplanApplication> application = registry.application(line.application());
                if (application.isEmpty()) {
                    found.add(new Diagnostic(Severity.WARNING, line.at(), "unknown application '"
                            + line.application() + "' in " + line.extension() + "@" + context.name() + ":"
                            + line.priority() + " (a call reaching it hangs up unless a bundle adds it)"));
                    continue;
                }
                try {
                    CompiledArguments compiled = arguments(line, application.get().syntax());
                    found.addAll(DestinationCheck.check(context.name(), line, compiled, index));
                } catch (DialplanSyntaxException e) {
                    found.add(new Diagnostic(Severity.ERROR, line.at(), line.application() + "(" + line.data()
                            + "): " + e.getMessage()));
                }
            }
        }
        return found;
    }
}
