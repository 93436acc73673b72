package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code [name]} header and the lines under it, including the lines copied in from the
 * templates it names. A name used by two headers gives two sections; the loader merges them.
 */
final class ConfSection {

    private final String name;
    private final boolean template;
    private final SourceLocation at;
    private final List<ConfEntry> entries = new ArrayList<>();

    ConfSection(String name, boolean template, SourceLocation at) {
        this.name = name;
        this.template = template;
        this.at = at;
    }

    String name() {
        return name;
    }

    /** A {@code (!)} section: a source of lines for others, never a context itself. */
    boolean isTemplate() {
        return template;
    }

    SourceLocation at() {
        return at;
    }

    List<ConfEntry> entries() {
        return entries;
    }

    void add(ConfEntry entry) {
        entries.add(entry);
    }

    /**
     * {@code key += value}: appends to the last line with that key (case-sensitive, like Asterisk),
     * keeping that line's location; without one it is an ordinary line.
     */
    void append(ConfEntry entry) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            ConfEntry earlier = entries.get(i);
            if (earlier.key().equals(entry.key())) {
                entries.set(i, new ConfEntry(earlier.key(), earlier.value() + entry.value(), earlier.at()));
                return;
            }
        }
        entries.add(entry);
    }
}
