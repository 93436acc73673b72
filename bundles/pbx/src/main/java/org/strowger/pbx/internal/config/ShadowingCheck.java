package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds extensions a lookup can never reach (Asterisk users' classic surprise):
 * <ul>
 *   <li>a pattern that also matches the special extensions {@code h}, {@code i} or {@code t} and so
 *       runs as the hangup, invalid or timeout handler of its context;</li>
 *   <li>an extension of an included context hidden by a pattern that is searched before it (in the
 *       including context or an earlier include) and matches everything it matches.</li>
 * </ul>
 * Only priority 1 is considered, and only entries without a caller-ID match can hide. When the
 * entry that answers first is a literal of the same name, that is a deliberate override, not warned.
 */
final class ShadowingCheck {

    private static final Map<String, String> SPECIALS = Map.of("h", "hangup", "i", "invalid", "t", "timeout");
    private static final int NAMES_SHOWN = 3;

    /** A pattern that hides, where it is: its context and that context's position in the search order. */
    private record Located(IndexedContext context, int position, IndexedExtension extension) {
    }

    /** A warning's subject: a pattern hiding extensions of a context; each is reported once. */
    private record Pair(IndexedContext hiderContext, IndexedExtension hider, IndexedContext context) {
    }

    private ShadowingCheck() {
    }

    static List<Diagnostic> run(Collection<IndexedContext> contexts,
            Function<String, List<IndexedContext>> searchOrder) {
        List<Diagnostic> warnings = new ArrayList<>();
        contexts.forEach(context -> specials(context, warnings));
        Set<Pair> reported = new HashSet<>();
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
        for (IndexedExtension extension : context.existsCandidates(name)) {
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
     * Walks the contexts a lookup from {@code root} searches, in order. An entry is hidden by the
     * first pattern of an earlier context (in search order) that can hide and covers it, unless a
     * literal of the same name that can hide answers first: one in a context searched before the
     * pattern's, or in the same context (literals come before patterns), which is a deliberate
     * override. Only the patterns that take the entry's first character in first place can cover
     * it, so only those are tried.
     */
    private static void hidden(IndexedContext root, List<IndexedContext> order, Set<Pair> reported,
            List<Diagnostic> warnings) {
        for (int position = 0; position < order.size(); position++) {
            IndexedContext context = order.get(position);
            Map<Located, List<IndexedExtension>> hiddenBy = new LinkedHashMap<>();
            for (IndexedExtension extension : context.extensions()) {
                if (extension.priority(1) == null) {
                    continue;
                }
                ExtensionPattern exten = extension.key().exten();
                Located hider = firstCovering(order, position, exten);
                if (hider == null || !exten.isPattern() && overridden(order, hider.position(), exten)) {
                    continue; // not covered, or a literal of the same name answers first (an override)
                }
                hiddenBy.computeIfAbsent(hider, h -> new ArrayList<>()).add(extension);
            }
            hiddenBy.forEach((hider, hidden) -> report(root, hider, context, hidden, reported, warnings));
        }
    }

    /** True when a literal of this name that can hide is in one of the first {@code through + 1} contexts. */
    private static boolean overridden(List<IndexedContext> order, int through, ExtensionPattern literal) {
        for (int i = 0; i <= through; i++) {
            for (IndexedExtension extension : order.get(i).literalEntries(literal.literal())) {
                if (canHide(extension)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The first pattern that can hide and covers {@code exten}, in the first {@code contexts} of the order. */
    private static Located firstCovering(List<IndexedContext> order, int contexts, ExtensionPattern exten) {
        int first = exten.firstChar();
        for (int i = 0; i < contexts; i++) {
            IndexedContext context = order.get(i);
            IndexedExtension[] patterns = first >= 0 ? context.patternsStartingWith((char) first)
                    : context.patterns();
            for (IndexedExtension pattern : patterns) {
                if (canHide(pattern) && pattern.key().exten().covers(exten)) {
                    return new Located(context, i, pattern);
                }
            }
        }
        return null;
    }

    private static void report(IndexedContext root, Located hider, IndexedContext context,
            List<IndexedExtension> hidden, Set<Pair> reported, List<Diagnostic> warnings) {
        if (!reported.add(new Pair(hider.context(), hider.extension(), context))) {
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
