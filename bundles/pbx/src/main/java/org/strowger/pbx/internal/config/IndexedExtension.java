package org.strowger.pbx.internal.config;

import java.util.HashMap;
import java.util.Map;

/**
 * One extension of a context (name + caller-ID match) with its priorities and labels. Immutable:
 * built by a {@link Builder}. Priorities are kept in an array indexed by priority when they are
 * dense enough (the usual 1, 2, 3...), so that a lookup costs one array access.
 */
final class IndexedExtension {

    /** Priorities up to this are always held in an array; beyond it only if the array stays dense. */
    private static final int DENSE_LIMIT = 64;

    private final ExtensionKey key;
    /** {@code byPriority[p]} is priority p; {@code null} when they are too sparse for an array. */
    private final PriorityLine[] byPriority;
    /** The priorities when they are too sparse for an array, else {@code null}. */
    private final Map<Integer, PriorityLine> sparse;
    private final Map<String, Integer> labels;
    private final PriorityLine first;

    private IndexedExtension(Builder builder) {
        this.key = builder.key;
        this.labels = builder.labels.isEmpty() ? Map.of() : Map.copyOf(builder.labels);
        this.first = builder.priorities.get(builder.lowest);
        int last = builder.highest;
        if (last <= DENSE_LIMIT || last <= 4 * builder.priorities.size()) {
            byPriority = new PriorityLine[last + 1];
            builder.priorities.forEach((priority, line) -> byPriority[priority] = line);
            sparse = null;
        } else {
            byPriority = null;
            sparse = Map.copyOf(builder.priorities);
        }
    }

    /** Collects an extension's lines; as at load, the first line for a priority or a label wins. */
    static final class Builder {

        private final ExtensionKey key;
        private final Map<Integer, PriorityLine> priorities = new HashMap<>();
        private final Map<String, Integer> labels = new HashMap<>();
        private int lowest = Integer.MAX_VALUE;
        private int highest;

        Builder(ExtensionKey key) {
            this.key = key;
        }

        void add(PriorityLine line) {
            int priority = line.priority();
            if (priorities.putIfAbsent(priority, line) == null) {
                lowest = Math.min(lowest, priority);
                highest = Math.max(highest, priority);
                if (line.label() != null) {
                    labels.putIfAbsent(line.label(), priority);
                }
            }
        }

        ExtensionKey key() {
            return key;
        }

        IndexedExtension build() {
            return new IndexedExtension(this);
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
        return sparse.get(priority);
    }

    Integer label(String label) {
        return labels.get(label);
    }

    /** The lowest priority, or {@code null} if there is none. */
    PriorityLine first() {
        return first;
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
