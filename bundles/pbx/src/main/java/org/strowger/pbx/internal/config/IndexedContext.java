package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * One context's extensions in Asterisk's search order, arranged so that a lookup only looks at
 * entries that can match, in the same order as scanning the whole sorted list:
 * <ul>
 *   <li>literals all sort before patterns, and a literal only matches its own name (ignoring
 *       {@code -}): an exact lookup takes them from a hash map, a prefix lookup (CANMATCH,
 *       MATCHMORE) from a sorted array by binary search. The entries of one name are kept in order
 *       (caller-ID variants before the plain one), and when none has the requested priority the
 *       lookup goes on to the patterns, as the full scan would;</li>
 *   <li>patterns are tried in sorted order, but only those whose first position can take the first
 *       dialed character (per ASCII character, precomputed; all of them otherwise), and of those
 *       only the ones that can match a string of the dialed length.</li>
 * </ul>
 * The probe methods answer for this context alone; {@link DialplanIndex} walks the includes.
 * Immutable.
 */
final class IndexedContext {

    /** What a CANMATCH or MATCHMORE probe found in this context. */
    enum Probe { NONE, FOUND, STOP }

    /** First characters below this have a precomputed list of patterns. */
    private static final int TABLE = 128;
    private static final IndexedExtension[] NONE = new IndexedExtension[0];

    private final ContextDef definition;
    private final int id;
    private final List<IndexedExtension> extensions;
    /** Literal name without '-' → its entries in search order. */
    private final Map<String, IndexedExtension[]> literals;
    /** The literal names in sorted order, and their entries (for prefix lookups). */
    private final String[] literalNames;
    private final IndexedExtension[][] literalEntries;
    private final IndexedExtension[] patterns;
    /** {@code patternsByFirst[c]}: the patterns (in order) that can match a string starting with c. */
    private final IndexedExtension[][] patternsByFirst;
    /** Some pattern has a {@code !}, so a MATCHMORE lookup may stop here. */
    private final boolean earlyMatch;

    private IndexedContext(ContextDef definition, int id, List<IndexedExtension> sorted) {
        this.definition = definition;
        this.id = id;
        this.extensions = List.copyOf(sorted);
        Map<String, List<IndexedExtension>> byName = new TreeMap<>();
        List<IndexedExtension> patternList = new ArrayList<>();
        for (IndexedExtension extension : sorted) {
            ExtensionPattern exten = extension.key().exten();
            if (exten.isPattern()) {
                patternList.add(extension);
            } else {
                byName.computeIfAbsent(exten.literal(), k -> new ArrayList<>()).add(extension);
            }
        }
        Map<String, IndexedExtension[]> literalMap = new HashMap<>();
        literalNames = byName.keySet().toArray(String[]::new);
        literalEntries = new IndexedExtension[literalNames.length][];
        for (int i = 0; i < literalNames.length; i++) {
            literalEntries[i] = byName.get(literalNames[i]).toArray(NONE);
            literalMap.put(literalNames[i], literalEntries[i]);
        }
        literals = literalMap;
        patterns = patternList.toArray(NONE);
        patternsByFirst = new IndexedExtension[TABLE][];
        Map<BitSet, IndexedExtension[]> shared = new HashMap<>(); // most characters share a list
        for (char c = 0; c < TABLE; c++) {
            BitSet possible = new BitSet(patterns.length);
            for (int i = 0; i < patterns.length; i++) {
                if (patterns[i].key().exten().mayStartWith(c)) {
                    possible.set(i);
                }
            }
            patternsByFirst[c] = shared.computeIfAbsent(possible, p -> p.cardinality() == patterns.length ? patterns
                    : p.stream().mapToObj(i -> patterns[i]).toArray(IndexedExtension[]::new));
        }
        earlyMatch = patternList.stream().anyMatch(p -> p.key().exten().hasEarlyMatch());
    }

    /**
     * Indexes a context.
     *
     * @param id the context's number in its {@link DialplanIndex}
     * @param patternCache extension names parsed so far, shared between contexts
     */
    static IndexedContext of(ContextDef definition, int id, Map<String, ExtensionPattern> patternCache) {
        Map<ExtensionKey, IndexedExtension.Builder> byKey = new HashMap<>(); // equal keys compare equal
        Map<String, ExtensionPattern> callerIds = new HashMap<>();
        for (PriorityLine line : definition.priorities()) {
            ExtensionPattern exten = patternCache.computeIfAbsent(line.extension(), ExtensionPattern::of);
            ExtensionPattern callerId = line.callerIdMatch() == null ? null
                    : callerIds.computeIfAbsent(line.callerIdMatch(), ExtensionPattern::callerIdMatch);
            ExtensionKey key = new ExtensionKey(exten, callerId);
            byKey.computeIfAbsent(key, IndexedExtension.Builder::new).add(line);
        }
        List<IndexedExtension.Builder> sorted = new ArrayList<>(byKey.values());
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        return new IndexedContext(definition, id, sorted.stream().map(IndexedExtension.Builder::build).toList());
    }

    /** A dialed string as literals are keyed: without its {@code -} separators. */
    static String withoutDashes(String dialed) {
        return dialed.indexOf('-') < 0 ? dialed : dialed.replace("-", "");
    }

    String name() {
        return definition.name();
    }

    ContextDef definition() {
        return definition;
    }

    int id() {
        return id;
    }

    /** Every extension, in search order. */
    List<IndexedExtension> extensions() {
        return extensions;
    }

    /** True when a pattern has a {@code !}, whose early match stops a MATCHMORE lookup. */
    boolean hasEarlyMatch() {
        return earlyMatch;
    }

    /** The entries of a literal name (without '-'), in order; none if it is not defined here. Shared. */
    IndexedExtension[] literalEntries(String literal) {
        return literals.getOrDefault(literal, NONE);
    }

    /** The patterns, in order; the array is shared, callers must not change it. */
    IndexedExtension[] patterns() {
        return patterns;
    }

    /** The patterns, in order, that can match a string starting with {@code c}; shared, do not change. */
    IndexedExtension[] patternsStartingWith(char c) {
        return c < TABLE ? patternsByFirst[c] : patterns;
    }

    /**
     * The line for {@code priority} of the first extension matching {@code exten} (EXISTS) that
     * has it and accepts the caller ID, or {@code null}.
     *
     * @param key {@code exten} without dashes ({@link #withoutDashes})
     */
    PriorityLine find(String key, String exten, int priority, String callerId) {
        IndexedExtension[] named = literals.get(key);
        if (named != null) {
            for (IndexedExtension extension : named) {
                if (extension.key().acceptsCallerId(callerId)) {
                    PriorityLine line = extension.priority(priority);
                    if (line != null) {
                        return line;
                    }
                }
            }
        }
        int length = key.length();
        for (IndexedExtension extension : patternsFor(key)) {
            ExtensionPattern pattern = extension.key().exten();
            if (pattern.mayMatchLength(length, MatchMode.EXISTS) && pattern.match(exten, MatchMode.EXISTS) != 0
                    && extension.key().acceptsCallerId(callerId)) {
                PriorityLine line = extension.priority(priority);
                if (line != null) {
                    return line;
                }
            }
        }
        return null;
    }

    /** The first non-null {@code pick} of the extensions matching {@code exten} (EXISTS), in order. */
    <R> R first(String key, String exten, String callerId, Function<IndexedExtension, R> pick) {
        R answer = first(literals.getOrDefault(key, NONE), exten, callerId, pick);
        return answer != null ? answer : first(patternsFor(key), exten, callerId, pick);
    }

    private static <R> R first(IndexedExtension[] candidates, String exten, String callerId,
            Function<IndexedExtension, R> pick) {
        for (IndexedExtension extension : candidates) {
            if (extension.key().exten().match(exten, MatchMode.EXISTS) != 0
                    && extension.key().acceptsCallerId(callerId)) {
                R answer = pick.apply(extension);
                if (answer != null) {
                    return answer;
                }
            }
        }
        return null;
    }

    /**
     * CANMATCH or MATCHMORE in this context (priority 1): FOUND, NONE, or STOP when a matching
     * {@code !} pattern is reached first in a MATCHMORE lookup.
     */
    Probe canMatch(String key, String exten, String callerId, MatchMode mode) {
        int from = Arrays.binarySearch(literalNames, key);
        for (int i = from >= 0 ? from : -from - 1; i < literalNames.length && literalNames[i].startsWith(key); i++) {
            if (mode == MatchMode.MATCHMORE && literalNames[i].length() == key.length()) {
                continue; // the whole literal is dialed: nothing more to come from it
            }
            for (IndexedExtension extension : literalEntries[i]) {
                if (extension.key().acceptsCallerId(callerId) && extension.priority(1) != null) {
                    return Probe.FOUND;
                }
            }
        }
        for (IndexedExtension extension : patternsFor(key)) {
            ExtensionPattern pattern = extension.key().exten();
            int match = pattern.mayMatchLength(key.length(), mode) ? pattern.match(exten, mode) : 0;
            if (match == 0 || !extension.key().acceptsCallerId(callerId)) {
                continue;
            }
            if (match == 2 && mode == MatchMode.MATCHMORE) {
                return Probe.STOP;
            }
            if (extension.priority(1) != null) {
                return Probe.FOUND;
            }
        }
        return Probe.NONE;
    }

    /**
     * The extensions an EXISTS lookup of {@code exten} must try, in order: a superset of those that
     * match (the patterns still have to be matched).
     */
    List<IndexedExtension> existsCandidates(String exten) {
        return candidates(withoutDashes(exten));
    }

    private List<IndexedExtension> candidates(String key) {
        IndexedExtension[] named = literals.getOrDefault(key, NONE);
        IndexedExtension[] possible = patternsFor(key);
        List<IndexedExtension> candidates = new ArrayList<>(named.length + possible.length);
        candidates.addAll(Arrays.asList(named));
        candidates.addAll(Arrays.asList(possible));
        return candidates;
    }

    private IndexedExtension[] patternsFor(String key) {
        return key.isEmpty() ? patterns : patternsStartingWith(key.charAt(0));
    }

    @Override
    public String toString() {
        return "[" + name() + "]";
    }
}
