package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Function;

/**
 * Lookups in a loaded dialplan, in Asterisk's search order (the sorted linear matcher):
 * <ol>
 *   <li>the context's extensions in {@link ExtensionPattern} order, caller-ID variants before the
 *       plain one; the first that matches <em>and has the requested priority</em> answers, so a
 *       missing priority falls through to the next, less specific match;</li>
 *   <li>then the context's includes in the order written, depth-first. A context is searched at
 *       most once per lookup (loop guard) and a lookup gives up after {@value #MAX_CONTEXTS}
 *       contexts, like Asterisk's include stack.</li>
 * </ol>
 * Include time windows are not evaluated yet: every include is treated as open. Switches are not
 * supported. Immutable and safe to share between threads; a reload builds a new index.
 */
public final class DialplanIndex {

    /** Asterisk's AST_PBX_MAX_STACK: how many contexts one lookup may visit. */
    static final int MAX_CONTEXTS = 128;

    private final Map<String, IndexedContext> contexts;
    /** Computed on first use: lookups should not pay for a load-time report. */
    private volatile List<Diagnostic> shadowing;

    private DialplanIndex(Map<String, IndexedContext> contexts) {
        this.contexts = contexts;
    }

    /** @throws IllegalArgumentException if a line's extension name is malformed (never for a parsed plan) */
    public static DialplanIndex of(ParsedDialplan plan) {
        Map<String, ExtensionPattern> patterns = new HashMap<>();
        Map<String, IndexedContext> contexts = new LinkedHashMap<>();
        plan.contexts().forEach((name, definition) -> contexts.put(name, IndexedContext.of(definition, patterns)));
        return new DialplanIndex(Collections.unmodifiableMap(contexts));
    }

    /** The line to run for {@code exten} at {@code priority} when entering {@code context}. */
    public Optional<PriorityLine> find(String context, String exten, int priority, String callerId) {
        return Optional.ofNullable(search(context, exten, callerId, MatchMode.EXISTS, e -> e.priority(priority)));
    }

    /** True when {@code exten} has a priority 1 reachable from {@code context}. */
    public boolean exists(String context, String exten, String callerId) {
        return find(context, exten, 1, callerId).isPresent();
    }

    /** True when {@code exten} exists or is the beginning of an extension that does (priority 1). */
    public boolean canMatch(String context, String exten, String callerId) {
        return search(context, exten, callerId, MatchMode.CANMATCH, e -> e.priority(1)) != null;
    }

    /**
     * True when more digits could still reach an extension (priority 1). A matching {@code !}
     * pattern answers "no more" for its context and the contexts it includes.
     */
    public boolean matchMore(String context, String exten, String callerId) {
        return search(context, exten, callerId, MatchMode.MATCHMORE, e -> e.priority(1)) != null;
    }

    /** The priority of {@code label} in the first matching extension that defines it. */
    public OptionalInt findLabel(String context, String exten, String label, String callerId) {
        Objects.requireNonNull(label, "label");
        Integer priority = search(context, exten, callerId, MatchMode.EXISTS, e -> e.label(label));
        return priority == null ? OptionalInt.empty() : OptionalInt.of(priority);
    }

    /**
     * For {@code dialplan explain}: the first priority of every extension that matches {@code exten},
     * in the order a lookup would try them, across the includes.
     */
    public List<PriorityLine> explain(String context, String exten, String callerId) {
        Objects.requireNonNull(exten, "exten");
        List<PriorityLine> candidates = new ArrayList<>();
        for (IndexedContext searched : searchOrder(context)) {
            for (List<IndexedExtension> tried : searched.candidates(exten, MatchMode.EXISTS)) {
                for (IndexedExtension extension : tried) {
                    PriorityLine first = extension.first();
                    if (first != null && extension.key().exten().matches(exten)
                            && extension.key().acceptsCallerId(callerId)) {
                        candidates.add(first);
                    }
                }
            }
        }
        return List.copyOf(candidates);
    }

    /** Context names in the order they were first defined. */
    public Set<String> contextNames() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(contexts.keySet()));
    }

    public Optional<ContextDef> context(String name) {
        return Optional.ofNullable(contexts.get(name)).map(IndexedContext::definition);
    }

    /**
     * Extensions that a lookup never reaches, e.g. a local {@code _X.} hiding an exact {@code 100}
     * of an included context, or {@code _.} catching the special extensions {@code h}, {@code i},
     * {@code t}; as {@code file:line: warning: message}.
     */
    public List<String> shadowingWarnings() {
        return shadowingDiagnostics().stream().map(Diagnostic::toString).toList();
    }

    /** The same warnings as {@link #shadowingWarnings()}, with their locations as data. */
    public List<Diagnostic> shadowingDiagnostics() {
        List<Diagnostic> computed = shadowing;
        if (computed == null) {
            computed = ShadowingCheck.run(contexts.values(), this::searchOrder); // idempotent, so a race is harmless
            shadowing = computed;
        }
        return computed;
    }

    /** The contexts a lookup from {@code root} would search, in order. */
    List<IndexedContext> searchOrder(String root) {
        List<IndexedContext> order = new ArrayList<>();
        search(root, context -> {
            order.add(context);
            return Answer.none();
        }, new LinkedHashSet<>());
        return order;
    }

    private <R> R search(String context, String exten, String callerId, MatchMode mode,
            Function<IndexedExtension, R> pick) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
        return search(context, searched -> scan(searched, exten, callerId, mode, pick), new LinkedHashSet<>());
    }

    /** One context's sorted extensions: the first that matches and yields an answer wins. */
    private static <R> Answer<R> scan(IndexedContext context, String exten, String callerId, MatchMode mode,
            Function<IndexedExtension, R> pick) {
        for (List<IndexedExtension> candidates : context.candidates(exten, mode)) {
            for (IndexedExtension extension : candidates) {
                int match = extension.key().exten().match(exten, mode);
                if (match == 0 || !extension.key().acceptsCallerId(callerId)) {
                    continue;
                }
                if (match == 2 && mode == MatchMode.MATCHMORE) {
                    return Answer.stopBranch(); // a reached '!' means: stop collecting digits
                }
                R answer = pick.apply(extension);
                if (answer != null) {
                    return new Answer<>(answer, false);
                }
            }
        }
        return Answer.none();
    }

    private <R> R search(String name, Function<IndexedContext, Answer<R>> probe, Set<String> visited) {
        if (visited.size() >= MAX_CONTEXTS || visited.contains(name)) {
            return null;
        }
        IndexedContext context = contexts.get(name);
        if (context == null) {
            return null;
        }
        Answer<R> answer = probe.apply(context);
        if (answer.value() != null || answer.stop()) {
            return answer.value();
        }
        visited.add(name);
        for (IncludeLine include : context.definition().includes()) {
            // time windows are not evaluated yet: every include counts as open
            R found = search(include.context(), probe, visited);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** A context's answer: a value, nothing (go on with the includes), or stop this branch. */
    private record Answer<R>(R value, boolean stop) {

        static <R> Answer<R> none() {
            return new Answer<>(null, false);
        }

        static <R> Answer<R> stopBranch() {
            return new Answer<>(null, true);
        }
    }
}
