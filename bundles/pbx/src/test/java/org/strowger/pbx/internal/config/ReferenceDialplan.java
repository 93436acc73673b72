package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The dialplan search written as plainly as possible, to check {@link DialplanIndex} against: each
 * context's extensions in one sorted list, scanned from the top for every lookup in every mode;
 * includes followed by name, depth-first, with a visited set and the 128-context cap; in
 * MATCHMORE, a reached {@code !} stops the context's branch (without marking it visited). Slow on
 * purpose; test scope only.
 */
final class ReferenceDialplan {

    /** One extension: its priorities and labels, the first line for each winning. */
    private static final class Extension {
        final ExtensionKey key;
        final TreeMap<Integer, PriorityLine> priorities = new TreeMap<>();
        final Map<String, Integer> labels = new HashMap<>();

        Extension(ExtensionKey key) {
            this.key = key;
        }
    }

    private record Context(List<Extension> sorted, List<String> includes) {
    }

    /** What searching one context gave: an answer, or none, or "stop this branch". */
    private record Answer<R>(R value, boolean stop) {
    }

    private final Map<String, Context> contexts = new HashMap<>();

    ReferenceDialplan(ParsedDialplan plan) {
        plan.contexts().forEach((name, definition) -> {
            TreeMap<ExtensionKey, Extension> sorted = new TreeMap<>();
            for (PriorityLine line : definition.priorities()) {
                ExtensionKey key = ExtensionKey.of(line.extension(), line.callerIdMatch());
                Extension extension = sorted.computeIfAbsent(key, Extension::new);
                if (extension.priorities.putIfAbsent(line.priority(), line) == null && line.label() != null) {
                    extension.labels.putIfAbsent(line.label(), line.priority());
                }
            }
            contexts.put(name, new Context(new ArrayList<>(sorted.values()),
                    definition.includes().stream().map(IncludeLine::context).toList()));
        });
    }

    Optional<PriorityLine> find(String context, String exten, int priority, String callerId) {
        return Optional.ofNullable(search(context, exten, callerId, MatchMode.EXISTS, e -> e.priorities.get(priority)));
    }

    boolean exists(String context, String exten, String callerId) {
        return find(context, exten, 1, callerId).isPresent();
    }

    boolean canMatch(String context, String exten, String callerId) {
        return search(context, exten, callerId, MatchMode.CANMATCH, e -> e.priorities.get(1)) != null;
    }

    boolean matchMore(String context, String exten, String callerId) {
        return search(context, exten, callerId, MatchMode.MATCHMORE, e -> e.priorities.get(1)) != null;
    }

    OptionalInt findLabel(String context, String exten, String label, String callerId) {
        Integer priority = search(context, exten, callerId, MatchMode.EXISTS, e -> e.labels.get(label));
        return priority == null ? OptionalInt.empty() : OptionalInt.of(priority);
    }

    List<PriorityLine> explain(String context, String exten, String callerId) {
        List<PriorityLine> candidates = new ArrayList<>();
        search(context, exten, callerId, MatchMode.EXISTS, e -> {
            if (!e.priorities.isEmpty()) {
                candidates.add(e.priorities.firstEntry().getValue());
            }
            return null; // keep going: every candidate, every context
        });
        return candidates;
    }

    private <R> R search(String context, String exten, String callerId, MatchMode mode, Function<Extension, R> pick) {
        return search(context, exten, callerId, mode, pick, new HashSet<>());
    }

    private <R> R search(String name, String exten, String callerId, MatchMode mode, Function<Extension, R> pick,
            Set<String> visited) {
        if (visited.size() >= DialplanIndex.MAX_CONTEXTS || visited.contains(name)) {
            return null;
        }
        Context context = contexts.get(name);
        if (context == null) {
            return null;
        }
        Answer<R> answer = scan(context, exten, callerId, mode, pick);
        if (answer.value() != null || answer.stop()) {
            return answer.value();
        }
        visited.add(name);
        for (String include : context.includes()) {
            R found = search(include, exten, callerId, mode, pick, visited);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static <R> Answer<R> scan(Context context, String exten, String callerId, MatchMode mode,
            Function<Extension, R> pick) {
        for (Extension extension : context.sorted()) {
            int match = extension.key.exten().match(exten, mode);
            if (match == 0 || !extension.key.acceptsCallerId(callerId)) {
                continue;
            }
            if (match == 2 && mode == MatchMode.MATCHMORE) {
                return new Answer<>(null, true);
            }
            R answer = pick.apply(extension);
            if (answer != null) {
                return new Answer<>(answer, false);
            }
        }
        return new Answer<>(null, false);
    }
}
