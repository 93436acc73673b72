package org.strowger.pbx.internal.config;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/** One extension of a context (name + caller-ID match) with its priorities and labels. */
final class IndexedExtension {

    private final ExtensionKey key;
    private final NavigableMap<Integer, PriorityLine> priorities = new TreeMap<>();
    private final Map<String, Integer> labels = new HashMap<>();

    IndexedExtension(ExtensionKey key) {
        this.key = key;
    }

    /** Adds a line; as at load, the first line for a priority or a label wins. */
    void add(PriorityLine line) {
        if (priorities.putIfAbsent(line.priority(), line) == null && line.label() != null) {
            labels.putIfAbsent(line.label(), line.priority());
        }
    }

    ExtensionKey key() {
        return key;
    }

    PriorityLine priority(int priority) {
        return priorities.get(priority);
    }

    Integer label(String label) {
        return labels.get(label);
    }

    /** The lowest priority, or {@code null} if there is none. */
    PriorityLine first() {
        Map.Entry<Integer, PriorityLine> first = priorities.firstEntry();
        return first == null ? null : first.getValue();
    }

    Map<Integer, PriorityLine> priorities() {
        return Collections.unmodifiableMap(priorities);
    }

    @Override
    public String toString() {
        return key.toString();
    }
}
