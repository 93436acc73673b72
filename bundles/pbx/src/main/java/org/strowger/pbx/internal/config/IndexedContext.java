package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A context with its extensions in Asterisk's search order. Literals all sort before patterns and,
 * for an EXISTS lookup, only literals of the same name can match; so an exact lookup tries those
 * (from a map) and then the patterns, which is the same order as scanning the whole list.
 */
record IndexedContext(ContextDef definition, List<IndexedExtension> extensions,
        Map<String, List<IndexedExtension>> literals, List<IndexedExtension> patterns) {

    static IndexedContext of(ContextDef definition, Map<String, ExtensionPattern> patternCache) {
        Map<ExtensionKey, IndexedExtension> sorted = new TreeMap<>();
        Map<String, ExtensionPattern> callerIds = new HashMap<>();
        for (PriorityLine line : definition.priorities()) {
            ExtensionPattern exten = patternCache.computeIfAbsent(line.extension(), ExtensionPattern::of);
            ExtensionPattern callerId = line.callerIdMatch() == null ? null
                    : callerIds.computeIfAbsent(line.callerIdMatch(), ExtensionPattern::callerIdMatch);
            ExtensionKey key = new ExtensionKey(exten, callerId);
            sorted.computeIfAbsent(key, IndexedExtension::new).add(line);
        }
        Map<String, List<IndexedExtension>> literals = new LinkedHashMap<>();
        List<IndexedExtension> patterns = new ArrayList<>();
        for (IndexedExtension extension : sorted.values()) {
            ExtensionPattern exten = extension.key().exten();
            if (exten.isPattern()) {
                patterns.add(extension);
            } else {
                literals.computeIfAbsent(exten.literal(), k -> new ArrayList<>()).add(extension);
            }
        }
        literals.replaceAll((name, list) -> List.copyOf(list));
        return new IndexedContext(definition, List.copyOf(sorted.values()), Map.copyOf(literals), List.copyOf(patterns));
    }

    String name() {
        return definition.name();
    }

    /** The extensions a lookup in this mode must try, in order; a superset of those that match. */
    List<List<IndexedExtension>> candidates(String exten, MatchMode mode) {
        if (mode != MatchMode.EXISTS) {
            return List.of(extensions);
        }
        return List.of(literals.getOrDefault(exten.replace("-", ""), List.of()), patterns);
    }
}
