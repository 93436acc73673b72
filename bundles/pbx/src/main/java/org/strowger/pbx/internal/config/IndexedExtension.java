package org.strowger.pbx.internal.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One extension of a context (name + caller-ID match) with its priorities and labels. Immutable:
 * built by a {@link Builder}. Priorities are kept in an array indexed by priority when they are
 * dense enough (the usual 1, 2, 3...), so that a lookup costs one array access.
 */
final class IndexedExtension {

    /** Priorities up to this are always held in an array; beyond it only if the array stays dense. */
    private static final int DENSE_LIMIT = 64;

    private final ExtensionKey key;
    private final NavigableMap<Integer, PriorityLine> priorities;
    /** {@code byPriority[p]} is priority p; {@code null} when they are too sparse for an array. */
    private final PriorityLine[] byPriority;
    private final Map<String, Integer> labels;
    private final PriorityLine first;

    private IndexedExtension(ExtensionKey key, NavigableMap<Integer, PriorityLine> priorities,
            Map<String, Integer> labels) {
        this.key = key;
        this.priorities = Collections.unmodifiableNavigableMap(priorities);
        this.labels = labels.isEmpty() ? Map.of() : Map.copyOf(labels);
        this.first = priorities.isEmpty() ? null : priorities.firstEntry().getValue();
        int last = priorities.isEmpty() ? 0 : priorities.lastKey();
        if (last <= DENSE_LIMIT || last <= 4 * priorities.size()) {
            byPriority = new PriorityLine[last + 1];
            priorities.forEach((priority, line) -> byPriority[priority] = line);
        } else {
            byPriority = null;
        }
    }

    /** Collects an extension's lines; as at load, the first line for a priority or a label wins. */
    static final class Builder {

        private final ExtensionKey key;
        private final NavigableMap<Integer, PriorityLine> priorities = new TreeMap<>();
        private final Map<String, Integer> labels = new HashMap<>();

        Builder(ExtensionKey key) {
            this.key = key;
        }

        void add(PriorityLine line) {
            if (priorities.putIfAbsent(line.priority(), line) == null && line.label() != null) {
                labels.putIfAbsent(line.label(), line.priority());
            }
        }

        IndexedExtension build() {
            return new IndexedExtension(key, priorities, labels);
        }
    }

    ExtensionKey key() {
        return key;
    }

    PriorityLine priority(int priority) {
        PriorityLine[] dense = byPriority;
        if (dense != null) {
            return priority >= 0 && priority < dense.length ? dense[priority] : null;
        }
        return priorities.get(priority);
    }

    Integer label(String label) {
        return labels.get(label);
    }

    /** The lowest priority, or {@code null} if there is none. */
    PriorityLine first() {
        return first;
    }

    Map<Integer, PriorityLine> priorities() {
        return priorities;
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
