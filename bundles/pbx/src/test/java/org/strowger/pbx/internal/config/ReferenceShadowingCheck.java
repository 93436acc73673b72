package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The shadowing check as first written, kept to check {@link ShadowingCheck} against: every
 * context's full sorted list, every earlier pattern tried for every entry. Test scope only.
 *
 * <p>Finds extensions a lookup can never reach (Asterisk users' classic surprise):
 * <ul>
 *   <li>a pattern that also matches the special extensions {@code h}, {@code i} or {@code t} and so
 *       runs as the hangup, invalid or timeout handler of its context;</li>
 *   <li>an extension of an included context hidden by a pattern that is searched before it (in the
 *       including context or an earlier include) and matches everything it matches.</li>
 * </ul>
 * Only priority 1 is considered, and only entries without a caller-ID match can hide. When the
 * entry that answers first is a literal of the same name, that is a deliberate override, not warned.
 */
final class ReferenceShadowingCheck {

    private static final Map<String, String> SPECIALS = Map.of("h", "hangup", "i", "invalid", "t", "timeout");
    private static final int NAMES_SHOWN = 3;

    private record Located(IndexedContext context, IndexedExtension extension) {
    }

    private ReferenceShadowingCheck() {
    }

    static List<Diagnostic> run(Collection<IndexedContext> contexts,
            Function<String, List<IndexedContext>> searchOrder) {
        List<Diagnostic> warnings = new ArrayList<>();
        contexts.forEach(context -> specials(context, warnings));
        Set<String> reported = new LinkedHashSet<>();
        contexts.forEach(root -> hidden(root, searchOrder.apply(root.name()), reported, warnings));
        return List.copyOf(warnings);
    }

    private static void specials(IndexedContext context, List<Diagnostic> warnings) {
        Map<IndexedExtension, List<String>> caught = new LinkedHashMap<>();
        for (String special : List.of("h", "i", "t")) {
            IndexedExtension answering = firstAnswering(context, special);
            if (answering != null && answering.key().exten().isPattern()) {
                caught.computeIfAbsent(answering, e -> new ArrayList<>()).add(special);
            }
        }
        caught.forEach((extension, names) -> {
            boolean several = names.size() > 1;
            warnings.add(Diagnostic.warning(extension.priority(1).at(), "pattern '" + extension.key().exten()
                    + "' in context [" + context.name() + "] also matches the special extension" + (several ? "s " : " ")
                    + describeSpecials(names) + ", so it runs in " + (several ? "their" : "its") + " place; use '_X.'"
                    + " or define " + (several ? "them" : "it")));
        });
    }

    /** The entry of this context alone that a call without caller ID reaches for {@code name}. */
    private static IndexedExtension firstAnswering(IndexedContext context, String name) {
        for (IndexedExtension extension : context.extensions()) {
            if (canHide(extension) && extension.key().exten().matches(name)) {
                return extension;
            }
        }
        return null;
    }

    private static String describeSpecials(List<String> names) {
        List<String> parts = names.stream().map(n -> "'" + n + "' (" + SPECIALS.get(n) + ")").toList();
        return String.join(", ", parts);
    }

    /** An entry every call reaches first for the names it covers: no caller-ID match, has priority 1. */
    private static boolean canHide(IndexedExtension extension) {
        return extension.key().callerId() == null && extension.priority(1) != null;
    }

    /**
     * Walks the contexts a lookup from {@code root} searches, in order, remembering every entry that
     * answers first for what it covers: patterns in a list (in search order), literals by name with
     * their rank, since a literal only ever covers the same name.
     */
    private static void hidden(IndexedContext root, List<IndexedContext> order, Set<String> reported,
            List<Diagnostic> warnings) {
        List<Located> patterns = new ArrayList<>();
        List<Integer> patternRanks = new ArrayList<>();
        Map<ExtensionPattern, Integer> literalRanks = new HashMap<>();
        int rank = 0;
        for (IndexedContext context : order) {
            Map<Located, List<IndexedExtension>> hiddenBy = new LinkedHashMap<>();
            for (IndexedExtension extension : context.extensions()) {
                if (extension.priority(1) == null) {
                    continue;
                }
                Integer overriddenAt = literalRanks.get(extension.key().exten());
                for (int i = 0; i < patterns.size(); i++) {
                    if (overriddenAt != null && overriddenAt < patternRanks.get(i)) {
                        break; // an earlier literal of the same name answers: a deliberate override
                    }
                    Located hider = patterns.get(i);
                    if (hider.extension().key().exten().covers(extension.key().exten())) {
                        hiddenBy.computeIfAbsent(hider, h -> new ArrayList<>()).add(extension);
                        break;
                    }
                }
            }
            hiddenBy.forEach((hider, hidden) -> report(root, hider, context, hidden, reported, warnings));
            for (IndexedExtension extension : context.extensions()) {
                if (canHide(extension)) {
                    if (extension.key().exten().isPattern()) {
                        patterns.add(new Located(context, extension));
                        patternRanks.add(rank);
                    } else {
                        literalRanks.putIfAbsent(extension.key().exten(), rank);
                    }
                }
                rank++;
            }
        }
    }

    private static void report(IndexedContext root, Located hider, IndexedContext context,
            List<IndexedExtension> hidden, Set<String> reported, List<Diagnostic> warnings) {
        String pair = hider.context().name() + "\u0000" + hider.extension().key() + "\u0000" + context.name();
        if (!reported.add(pair)) {
            return;
        }
        List<String> names = hidden.stream().limit(NAMES_SHOWN)
                .map(e -> "'" + e.key() + "' (" + e.priority(1).at() + ")").toList();
        String more = hidden.size() > NAMES_SHOWN ? " and " + (hidden.size() - NAMES_SHOWN) + " more" : "";
        String where = hider.context() == root
                ? "context [" + root.name() + "] searches its own extensions before its includes"
                : "from [" + root.name() + "], [" + hider.context().name() + "] is searched before ["
                        + context.name() + "]";
        warnings.add(Diagnostic.warning(hider.extension().priority(1).at(), "pattern '"
                + hider.extension().key().exten() + "' in context [" + hider.context().name() + "] hides "
                + (hidden.size() == 1 ? "extension " : hidden.size() + " extensions ") + String.join(", ", names) + more
                + " of included context [" + context.name() + "]: " + where
                + (hidden.size() == 1 ? ", so it is" : ", so they are")
                + " never reached; move the pattern into a context included after ["
                + context.name() + "]"));
    }
}
