package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.strowger.pbx.internal.config.DialplanGenerator.Context;
import org.strowger.pbx.internal.config.DialplanGenerator.Exten;
import org.strowger.pbx.internal.config.DialplanGenerator.Plan;

/**
 * Lookups a switch would make in a {@link DialplanGenerator} plan, by kind: literal hits, pattern
 * hits, hits through includes, misses, and priorities a literal lacks (which fall through to a
 * pattern or an include, or miss). Built from the plan's model, not from the index under test.
 */
final class DialplanLookups {

    enum Kind { LITERAL, PATTERN, INCLUDE, MISS, FALL_THROUGH }

    /** One lookup; {@code callerId} is {@code null} for a call without caller ID. */
    record Lookup(Kind kind, String context, String exten, int priority, String callerId) {
    }

    /** The benchmark's mix, in percent of lookups. */
    private static final int[] MIX = {35, 15, 20, 15, 15};

    private final Plan plan;
    private final Random random;

    private DialplanLookups(Plan plan, long seed) {
        this.plan = plan;
        this.random = new Random(seed);
    }

    /** {@code count} lookups mixed as a busy switch might see them (35/15/20/15/15% by kind). */
    static List<Lookup> mix(Plan plan, long seed, int count) {
        DialplanLookups lookups = new DialplanLookups(plan, seed);
        List<Lookup> mixed = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int pick = lookups.random.nextInt(100);
            int kind = 0;
            while (pick >= MIX[kind]) {
                pick -= MIX[kind++];
            }
            mixed.add(lookups.next(Kind.values()[kind]));
        }
        return List.copyOf(mixed);
    }

    /** {@code count} lookups of one kind. */
    static List<Lookup> only(Kind kind, Plan plan, long seed, int count) {
        DialplanLookups lookups = new DialplanLookups(plan, seed);
        List<Lookup> chosen = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            chosen.add(lookups.next(kind));
        }
        return List.copyOf(chosen);
    }

    /**
     * Digit collection: the dialed string so far (a non-empty prefix of each lookup's extension), as
     * a channel asks MATCHMORE after every digit.
     */
    static List<Lookup> prefixes(List<Lookup> lookups, long seed) {
        Random random = new Random(seed);
        List<Lookup> prefixes = new ArrayList<>(lookups.size());
        for (Lookup lookup : lookups) {
            String exten = lookup.exten();
            String prefix = exten.isEmpty() ? exten : exten.substring(0, 1 + random.nextInt(exten.length()));
            prefixes.add(new Lookup(lookup.kind(), lookup.context(), prefix, 1, lookup.callerId()));
        }
        return List.copyOf(prefixes);
    }

    private Lookup next(Kind kind) {
        return switch (kind) {
            case LITERAL -> literal(anyContext(), kind, false);
            case PATTERN -> pattern();
            case INCLUDE -> throughInclude();
            case MISS -> miss();
            case FALL_THROUGH -> literal(anyContext(), kind, true);
        };
    }

    private Context anyContext() {
        return plan.contexts().get(random.nextInt(plan.contexts().size()));
    }

    private Lookup literal(Context context, Kind kind, boolean beyondLast) {
        return literalIn(context, context, kind, beyondLast);
    }

    private Lookup literalIn(Context from, Context defining, Kind kind, boolean beyondLast) {
        List<Exten> literals = defining.literals();
        Exten exten = literals.get(random.nextInt(literals.size()));
        int last = exten.priorities().get(exten.priorities().size() - 1);
        int priority = beyondLast ? last + 1 + random.nextInt(2)
                : exten.priorities().get(random.nextInt(4) == 0 ? random.nextInt(exten.priorities().size()) : 0);
        String callerId = exten.callerId() != null && random.nextBoolean() ? matching(exten.callerId()) : callerId();
        return new Lookup(kind, from.name(), exten.name(), priority, callerId);
    }

    private Lookup pattern() {
        Context context = anyContext();
        List<Exten> patterns = context.patterns();
        Exten exten = patterns.get(random.nextInt(patterns.size()));
        int priority = exten.priorities().get(random.nextInt(3) == 0 ? random.nextInt(exten.priorities().size()) : 0);
        return new Lookup(Kind.PATTERN, context.name(), matching(exten.name()), priority, callerId());
    }

    private Lookup throughInclude() {
        for (int attempt = 0; attempt < 100; attempt++) {
            Context from = anyContext();
            List<String> reachable = reachable(from);
            if (!reachable.isEmpty()) {
                Context target = plan.context(reachable.get(random.nextInt(reachable.size())));
                return literalIn(from, target, Kind.INCLUDE, false);
            }
        }
        throw new IllegalStateException("no context of the plan includes another");
    }

    /** Contexts searched after {@code from} itself, in search order. */
    private List<String> reachable(Context from) {
        List<String> order = new ArrayList<>();
        visit(from.name(), order, new HashSet<>());
        return order.subList(1, order.size());
    }

    private void visit(String name, List<String> order, Set<String> seen) {
        if (!seen.add(name)) {
            return;
        }
        order.add(name);
        plan.context(name).includes().forEach(include -> visit(include, order, seen));
    }

    private Lookup miss() {
        Context context = anyContext();
        String exten = switch (random.nextInt(4)) {
            case 0 -> "6" + digits(5); // a 6-digit number: only a catch-all pattern takes it
            case 1 -> "voicemail";
            case 2 -> "*" + digits(3); // a feature code nobody defined, mostly
            default -> plan.contexts().get(random.nextInt(plan.contexts().size())).literals().get(0).name() + "9";
        };
        return new Lookup(Kind.MISS, context.name(), exten, 1, callerId());
    }

    private String callerId() {
        int pick = random.nextInt(10);
        return pick < 8 ? null : pick == 8 ? "555" + digits(4) : "2125550" + digits(3);
    }

    /** A string the pattern (or literal) matches: every position filled with a character it takes. */
    String matching(String name) {
        if (!name.startsWith("_")) {
            return name;
        }
        StringBuilder dialed = new StringBuilder();
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case 'X', 'x' -> dialed.append(digits(1));
                case 'Z', 'z' -> dialed.append((char) ('1' + random.nextInt(9)));
                case 'N', 'n' -> dialed.append((char) ('2' + random.nextInt(8)));
                case '.' -> {
                    return dialed.append(digits(1 + random.nextInt(8))).toString();
                }
                case '!' -> {
                    return dialed.append(digits(random.nextInt(5))).toString();
                }
                case '-' -> { }
                case '[' -> {
                    int close = name.indexOf(']', i);
                    String set = name.substring(i + 1, close);
                    char first = set.charAt(0);
                    char last = set.length() >= 3 && set.charAt(1) == '-' ? set.charAt(2) : first;
                    dialed.append((char) (first + random.nextInt(last - first + 1)));
                    i = close;
                }
                default -> dialed.append(c);
            }
        }
        return dialed.toString();
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
