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
 *
 * <p>Built for speed, with the same answers as scanning every sorted list: each context finds its
 * candidates through a hash map of literals and per-character pattern lists
 * ({@link IndexedContext}); includes are resolved once, when the index is built, into the order
 * in which a lookup from each context searches the others (the walk depends only on the include
 * graph, except that a MATCHMORE lookup reaching a {@code !} pattern skips that context's
 * includes: from a context that can reach a {@code !}, MATCHMORE walks the graph instead).
 */
public final class DialplanIndex {

    /** Asterisk's AST_PBX_MAX_STACK: how many contexts one lookup may visit. */
    static final int MAX_CONTEXTS = 128;
    private static final IndexedContext[] NO_CONTEXTS = new IndexedContext[0];

    private final Map<String, IndexedContext> contexts;
    /** By {@link IndexedContext#id()}: the contexts, the ids they include (existing ones, in order). */
    private final IndexedContext[] byId;
    private final int[][] includes;
    /** By id: the contexts a lookup from there searches, in order, when nothing stops it early. */
    private final IndexedContext[][] searchOrders;
    /** By id: some context of the search order has a {@code !} pattern. */
    private final boolean[] mayStopEarly;
    /** Computed on first use: lookups should not pay for a load-time report. */
    private volatile List<Diagnostic> shadowing;

    private DialplanIndex(Map<String, IndexedContext> contexts) {
        this.contexts = contexts;
        int count = contexts.size();
        byId = contexts.values().toArray(IndexedContext[]::new);
        includes = new int[count][];
        for (IndexedContext context : byId) {
            includes[context.id()] = context.definition().includes().stream()
                    .map(include -> contexts.get(include.context()))
                    .filter(Objects::nonNull) // a missing context is skipped and never counted
                    .mapToInt(IndexedContext::id).toArray();
        }
        searchOrders = new IndexedContext[count][];
        mayStopEarly = new boolean[count];
        int[] visitedFrom = new int[count]; // root id + 1 once the walk from that root has been there
        for (IndexedContext root : byId) {
            List<IndexedContext> order = new ArrayList<>();
            walk(root.id(), order, visitedFrom, root.id() + 1);
            searchOrders[root.id()] = order.toArray(IndexedContext[]::new);
            mayStopEarly[root.id()] = order.stream().anyMatch(IndexedContext::hasEarlyMatch);
        }
    }

    /** Depth-first, the context before its includes; each context once, at most MAX_CONTEXTS. */
    private void walk(int id, List<IndexedContext> order, int[] visitedFrom, int walk) {
        if (order.size() >= MAX_CONTEXTS || visitedFrom[id] == walk) {
            return;
        }
        order.add(byId[id]);
        visitedFrom[id] = walk;
        for (int included : includes[id]) {
            walk(included, order, visitedFrom, walk);
        }
    }

    /** @throws IllegalArgumentException if a line's extension name is malformed (never for a parsed plan) */
    public static DialplanIndex of(ParsedDialplan plan) {
        Map<String, ExtensionPattern> patterns = new HashMap<>();
        Map<String, IndexedContext> contexts = new LinkedHashMap<>();
        plan.contexts().forEach((name, definition) ->
                contexts.put(name, IndexedContext.of(definition, contexts.size(), patterns)));
        return new DialplanIndex(Collections.unmodifiableMap(contexts));
    }

    /** The line to run for {@code exten} at {@code priority} when entering {@code context}. */
    public Optional<PriorityLine> find(String context, String exten, int priority, String callerId) {
        IndexedContext[] order = searchOrder(context, exten);
        String key = IndexedContext.withoutDashes(exten);
        for (IndexedContext searched : order) {
            PriorityLine line = searched.find(key, exten, priority, callerId);
            if (line != null) {
                return Optional.of(line);
            }
        }
        return Optional.empty();
    }

    /** True when {@code exten} has a priority 1 reachable from {@code context}. */
    public boolean exists(String context, String exten, String callerId) {
        return find(context, exten, 1, callerId).isPresent();
    }

    /** True when {@code exten} exists or is the beginning of an extension that does (priority 1). */
    public boolean canMatch(String context, String exten, String callerId) {
        IndexedContext[] order = searchOrder(context, exten);
        String key = IndexedContext.withoutDashes(exten);
        for (IndexedContext searched : order) {
            if (searched.canMatch(key, exten, callerId, MatchMode.CANMATCH) == IndexedContext.Probe.FOUND) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when more digits could still reach an extension (priority 1). A matching {@code !}
     * pattern answers "no more" for its context and the contexts it includes.
     */
    public boolean matchMore(String context, String exten, String callerId) {
        IndexedContext[] order = searchOrder(context, exten);
        if (order.length == 0) {
            return false;
        }
        String key = IndexedContext.withoutDashes(exten);
        int root = order[0].id();
        if (mayStopEarly[root]) {
            return matchMore(root, key, exten, callerId, new boolean[byId.length], new int[1]);
        }
        for (IndexedContext searched : order) {
            if (searched.canMatch(key, exten, callerId, MatchMode.MATCHMORE) == IndexedContext.Probe.FOUND) {
                return true;
            }
        }
        return false;
    }

    /**
     * MATCHMORE by walking the include graph: a context whose {@code !} pattern stops the lookup is
     * not marked visited (as in Asterisk), so another include path may try it again.
     */
    private boolean matchMore(int id, String key, String exten, String callerId, boolean[] visited, int[] visits) {
        if (visits[0] >= MAX_CONTEXTS || visited[id]) {
            return false;
        }
        IndexedContext.Probe probe = byId[id].canMatch(key, exten, callerId, MatchMode.MATCHMORE);
        if (probe != IndexedContext.Probe.NONE) {
            return probe == IndexedContext.Probe.FOUND;
        }
        visited[id] = true;
        visits[0]++;
        for (int included : includes[id]) {
            if (matchMore(included, key, exten, callerId, visited, visits)) {
                return true;
            }
        }
        return false;
    }

    /** The priority of {@code label} in the first matching extension that defines it. */
    public OptionalInt findLabel(String context, String exten, String label, String callerId) {
        Objects.requireNonNull(label, "label");
        IndexedContext[] order = searchOrder(context, exten);
        String key = IndexedContext.withoutDashes(exten);
        for (IndexedContext searched : order) {
            Integer priority = searched.first(key, exten, callerId, e -> e.label(label));
            if (priority != null) {
                return OptionalInt.of(priority);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * For {@code dialplan explain}: the first priority of every extension that matches {@code exten},
     * in the order a lookup would try them, across the includes.
     */
    public List<PriorityLine> explain(String context, String exten, String callerId) {
        Objects.requireNonNull(exten, "exten");
        List<PriorityLine> candidates = new ArrayList<>();
        for (IndexedContext searched : searchOrder(context)) {
            for (IndexedExtension extension : searched.existsCandidates(exten)) {
                PriorityLine first = extension.first();
                if (first != null && extension.key().exten().matches(exten)
                        && extension.key().acceptsCallerId(callerId)) {
                    candidates.add(first);
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

    /** The contexts a lookup from {@code root} would search, in order (none for an unknown context). */
    List<IndexedContext> searchOrder(String root) {
        IndexedContext context = contexts.get(root);
        return context == null ? List.of() : List.of(searchOrders[context.id()]);
    }

    private IndexedContext[] searchOrder(String context, String exten) {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(exten, "exten");
        IndexedContext root = contexts.get(context);
        return root == null ? NO_CONTEXTS : searchOrders[root.id()];
    }
}
