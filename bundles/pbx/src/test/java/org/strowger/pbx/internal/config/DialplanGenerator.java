package org.strowger.pbx.internal.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a realistic extensions.conf for benchmarks and differential tests: {@code contexts}
 * contexts of {@code perContext} extensions each. In every context: an {@code h} and an {@code i}
 * extension, about 10% patterns (outbound {@code _9NXXXXXX}, ranges {@code _6XX}, feature codes
 * {@code _*7X}, an overlap-dialing {@code _00!} now and then, catch-alls such as {@code _X.} only in
 * the last five contexts, the outbound routes), the rest literal 3–5 digit extensions (a few
 * written with a {@code -}, a few with caller-ID variants).
 * Every extension has 2–4 priorities, some labelled; patterns often have more priorities than
 * literals, so asking a literal for a later priority falls through. Contexts include 1–3 contexts
 * defined after them (so there are no cycles), preferably from a pool of shared service contexts.
 * The same seed always gives the same file.
 *
 * <pre>java -cp ... org.strowger.pbx.internal.config.DialplanGenerator OUT.conf [SEED]</pre>
 */
final class DialplanGenerator {

    /** One extension as generated (name + caller-ID match) with the priorities written for it. */
    record Exten(String name, String callerId, List<Integer> priorities, List<String> labels) {

        boolean isPattern() {
            return name.startsWith("_");
        }
    }

    /** One generated context: its extensions and includes in the order written. */
    record Context(String name, List<Exten> extensions, List<String> includes) {

        List<Exten> literals() {
            return extensions.stream().filter(e -> !e.isPattern() && !e.name().equals("h") && !e.name().equals("i"))
                    .toList();
        }

        List<Exten> patterns() {
            return extensions.stream().filter(Exten::isPattern).toList();
        }
    }

    /** The generated dialplan: its model, for building lookups, and its text. */
    record Plan(List<Context> contexts, String text) {

        int extensionCount() {
            return contexts.stream().mapToInt(c -> c.extensions().size()).sum();
        }

        Context context(String name) {
            return contexts.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
        }
    }

    static final long DEFAULT_SEED = 20240611L;
    static final int CONTEXTS = 100;
    static final int PER_CONTEXT = 100;
    /** The last contexts form the pool of shared services (features, outbound routes...) others include. */
    private static final int SHARED = 20;
    /** The last contexts are outbound routes, the only ones with catch-all patterns. */
    private static final int OUTBOUND = 5;
    private static final String[] LABELS = {"start", "retry", "vm", "busy", "done"};

    private final Random random;

    private DialplanGenerator(long seed) {
        this.random = new Random(seed);
    }

    /** The benchmark's dialplan: 100 contexts × 100 extensions. */
    static Plan standard() {
        return generate(DEFAULT_SEED, CONTEXTS, PER_CONTEXT);
    }

    static Plan generate(long seed, int contexts, int perContext) {
        if (contexts < 1 || perContext < 12) {
            throw new IllegalArgumentException("need at least 1 context and 12 extensions per context, got "
                    + contexts + " and " + perContext);
        }
        return new DialplanGenerator(seed).plan(contexts, perContext);
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: DialplanGenerator OUT.conf [SEED]");
            System.exit(2);
        }
        long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
        Plan plan = generate(seed, CONTEXTS, PER_CONTEXT);
        Files.writeString(Path.of(args[0]), plan.text());
        System.out.println("wrote " + args[0] + ": " + plan.contexts().size() + " contexts, "
                + plan.extensionCount() + " extensions");
    }

    private Plan plan(int contextCount, int perContext) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < contextCount; i++) {
            names.add(i >= contextCount - Math.min(SHARED, contextCount / 5) ? String.format("svc-%03d", i)
                    : String.format("dept-%03d", i));
        }
        List<Context> contexts = new ArrayList<>();
        for (int i = 0; i < contextCount; i++) {
            boolean outbound = i >= contextCount - OUTBOUND;
            contexts.add(new Context(names.get(i), extensions(perContext, outbound), includes(i, names)));
        }
        return new Plan(List.copyOf(contexts), render(contexts));
    }

    /**
     * 1–3 contexts defined later (no cycles); most from the shared pool, some neighbours; written in
     * the order defined, so that the outbound routes with their catch-alls come last.
     */
    private List<String> includes(int index, List<String> names) {
        int later = names.size() - index - 1;
        if (later == 0) {
            return List.of();
        }
        int sharedFrom = Math.max(index + 1, names.size() - Math.min(SHARED, names.size() / 5));
        int wanted = Math.min(later, 1 + random.nextInt(3));
        Set<Integer> chosen = new TreeSet<>();
        while (chosen.size() < wanted) {
            int target;
            if (random.nextInt(10) < 7 && sharedFrom < names.size()) {
                target = sharedFrom + random.nextInt(names.size() - sharedFrom);
            } else {
                target = index + 1 + random.nextInt(Math.min(later, 4));
            }
            chosen.add(target);
        }
        return chosen.stream().map(names::get).toList();
    }

    private List<Exten> extensions(int perContext, boolean outbound) {
        List<Exten> extensions = new ArrayList<>();
        Set<ExtensionKey> keys = new HashSet<>();
        int patterns = Math.max(1, perContext / 10);
        while (extensions.size() < patterns) {
            String name = pattern(extensions.size(), outbound);
            if (keys.add(ExtensionKey.of(name, null))) {
                // patterns are the routes: often longer than the literals they back up
                extensions.add(exten(name, null, 2 + random.nextInt(4)));
            }
        }
        while (extensions.size() < perContext - 2) {
            String name = literal();
            if (!keys.add(ExtensionKey.of(name, null))) {
                continue;
            }
            extensions.add(exten(name, null, 2 + random.nextInt(3)));
            if (random.nextInt(100) < 3 && extensions.size() < perContext - 2) {
                String callerId = random.nextBoolean() ? "_555XXXX" : "555" + digits(4);
                keys.add(ExtensionKey.of(name, callerId));
                extensions.add(exten(name, callerId, 2 + random.nextInt(2)));
            }
        }
        extensions.add(exten("h", null, 2));
        extensions.add(exten("i", null, 2));
        // the file lists them in no particular order: sorting is the index's job
        Collections.shuffle(extensions, random);
        return extensions;
    }

    private Exten exten(String name, String callerId, int priorityCount) {
        List<Integer> priorities = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (int p = 1; p <= priorityCount; p++) {
            priorities.add(p);
            labels.add(random.nextInt(5) == 0 ? LABELS[random.nextInt(LABELS.length)] : null);
        }
        return new Exten(name, callerId, List.copyOf(priorities), Collections.unmodifiableList(labels));
    }

    /**
     * The n-th pattern of a context: the routes every context has first, then a random mix. Ranges
     * ({@code _6XX}, {@code _7[0-4]XXX}) start with 6–8, so they do not cover the literals (first
     * digit 1–5). Only the last contexts (outbound routes) have catch-alls such as {@code _X.}.
     */
    private String pattern(int n, boolean outbound) {
        switch (n) {
            case 0:
                return "_9NXXXXXX";
            case 1:
                return "_" + (6 + random.nextInt(3)) + "XX";
            default:
                break;
        }
        int pick = random.nextInt(100);
        if (!outbound && pick >= 80 && pick < 93) {
            pick = random.nextInt(80);
        }
        if (pick < 12) {
            return "_91NXXNXXXXXX";
        } else if (pick < 20) {
            return "_9011X.";
        } else if (pick < 30) {
            return "_NXXNXXXXXX";
        } else if (pick < 45) {
            return "_" + (6 + random.nextInt(3)) + "XXX";
        } else if (pick < 55) {
            return "_" + (6 + random.nextInt(3)) + random.nextInt(10) + "XXX";
        } else if (pick < 63) {
            int low = 6 + random.nextInt(2);
            return "_" + (6 + random.nextInt(3)) + "[" + low + "-" + (low + 1 + random.nextInt(8 - low)) + "]XX";
        } else if (pick < 73) {
            return "_*" + random.nextInt(10) + "X";
        } else if (pick < 80) {
            return "_NXX-XXXX";
        } else if (pick < 86) {
            return "_0X.";
        } else if (pick < 93) {
            return "_X.";
        } else if (pick < 96) {
            return "_00!";
        } else {
            return "_7XXXXX";
        }
    }

    /** A 3–5 digit extension number (30/50/20%), first digit 1–5; sometimes written with a '-'. */
    private String literal() {
        int length = random.nextInt(10) < 3 ? 3 : random.nextInt(10) < 7 ? 4 : 5;
        String number = (1 + random.nextInt(5)) + digits(length - 1);
        if (length >= 4 && random.nextInt(50) == 0) {
            return number.substring(0, 2) + "-" + number.substring(2);
        }
        return number;
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private String render(List<Context> contexts) {
        StringBuilder text = new StringBuilder(1 << 20);
        text.append("; generated by DialplanGenerator: ").append(contexts.size()).append(" contexts\n");
        text.append("[general]\nstatic=yes\nwriteprotect=no\nautofallthrough=yes\n\n");
        text.append("[globals]\nTRUNK=PJSIP/itsp\nVMCONTEXT=default\n\n");
        for (Context context : contexts) {
            text.append('[').append(context.name()).append("]\n");
            for (int i = 0; i < context.includes().size(); i++) {
                text.append("include => ").append(context.includes().get(i));
                if (i == 1 && context.name().hashCode() % 7 == 0) {
                    text.append(",9:00-17:00,mon-fri,*,*"); // parsed, treated as open
                }
                text.append('\n');
            }
            for (Exten exten : context.extensions()) {
                renderExten(text, context.name(), exten);
            }
            text.append('\n');
        }
        return text.toString();
    }

    private void renderExten(StringBuilder text, String context, Exten exten) {
        String field = exten.callerId() == null ? exten.name() : exten.name() + "/" + exten.callerId();
        for (int i = 0; i < exten.priorities().size(); i++) {
            int priority = exten.priorities().get(i);
            String label = exten.labels().get(i);
            text.append(i == 0 ? "exten => " + field + "," + priority : " same => n");
            if (label != null) {
                text.append('(').append(label).append(')');
            }
            text.append(',').append(application(context, exten, i, exten.priorities().size())).append('\n');
        }
    }

    private static String application(String context, Exten exten, int step, int steps) {
        if (exten.name().equals("h")) {
            return step == 0 ? "NoOp(call ended in " + context + ")" : "Hangup()";
        }
        if (exten.name().equals("i")) {
            return step == 0 ? "Playback(invalid)" : "Hangup()";
        }
        if (step == steps - 1) {
            return "Hangup()";
        }
        if (exten.isPattern()) {
            return switch (step) {
                case 0 -> "NoOp(route " + exten.name() + " in " + context + ")";
                case 1 -> "Dial(${TRUNK}/${EXTEN},60,g)";
                default -> "Playback(all-circuits-busy-now)";
            };
        }
        return switch (step) {
            case 0 -> "Dial(PJSIP/" + exten.name().replace("-", "") + ",20)";
            case 1 -> "VoiceMail(" + exten.name().replace("-", "") + "@${VMCONTEXT},u)";
            default -> "Playback(vm-goodbye)";
        };
    }
}
