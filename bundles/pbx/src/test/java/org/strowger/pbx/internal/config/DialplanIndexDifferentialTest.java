package org.strowger.pbx.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import org.strowger.pbx.internal.config.DialplanLookups.Lookup;

/**
 * The index answers every lookup exactly as the plain sorted scan of {@link ReferenceDialplan}
 * does: find, exists, canMatch, matchMore, findLabel and explain, on the benchmark dialplan and on
 * many small random dialplans written to collide (shared prefixes, caller-ID variants, {@code !}
 * patterns, dashes, include cycles and missing includes); and its shadowing warnings are those of
 * {@link ReferenceShadowingCheck}, which tries every earlier pattern for every entry.
 */
class DialplanIndexDifferentialTest {

    private static final String[] LABELS = {"start", "retry", "vm", "busy", "done", "nowhere"};

    @Test
    void theBenchmarkDialplanIsAnsweredAsTheSortedScanAnswersIt() {
        DialplanGenerator.Plan plan = DialplanGenerator.standard();
        ParsedDialplan parsed = ExtensionsConfParser.parse(plan.text(), "extensions.conf");
        DialplanIndex index = DialplanIndex.of(parsed);
        ReferenceDialplan reference = new ReferenceDialplan(parsed);
        List<Lookup> lookups = new ArrayList<>(DialplanLookups.mix(plan, 1, 4_000));
        for (DialplanLookups.Kind kind : DialplanLookups.Kind.values()) {
            lookups.addAll(DialplanLookups.only(kind, plan, 2, 500));
        }
        lookups.addAll(DialplanLookups.prefixes(lookups, 3));
        assertThat(index.shadowingWarnings()).isNotEmpty().isEqualTo(referenceShadowing(index));
        Random random = new Random(4);
        for (Lookup lookup : lookups) {
            compare(index, reference, lookup.context(), lookup.exten(), lookup.priority(), lookup.callerId(), random);
        }
    }

    @Test
    void smallRandomDialplansAreAnsweredAsTheSortedScanAnswersThem() {
        Random random = new Random(5);
        for (int round = 0; round < 200; round++) {
            String text = randomPlan(random);
            ParsedDialplan parsed = ExtensionsConfParser.parse(text, "extensions.conf");
            DialplanIndex index = DialplanIndex.of(parsed);
            ReferenceDialplan reference = new ReferenceDialplan(parsed);
            assertThat(index.shadowingWarnings()).as(text).isEqualTo(referenceShadowing(index));
            for (int i = 0; i < 200; i++) {
                String context = "c" + random.nextInt(7); // c6 does not exist
                String exten = dialed(random);
                String callerId = callerId(random);
                compare(index, reference, context, exten, 1 + random.nextInt(5), callerId, random);
                compare(index, reference, context, exten.isEmpty() ? exten : exten.substring(0, random.nextInt(exten.length())),
                        1 + random.nextInt(3), callerId, random);
            }
        }
    }

    @Test
    void theFiltersThatSkipPatternsNeverSkipOneThatMatches() {
        String[] names = {"_1X", "_1XX", "_1X.", "_1!", "_12!", "_X", "_X.", "_X!", "_N", "_NX.", "_Z!", "_[1-3]X",
            "_[13]2", "_1-X", "_.", "_!", "_*X", "_[a-c]", "_x", "_1[x]", "_9NXXXXXX", "_NXX-XXXX", "_1.5", "_!1",
            "100", "1-00", "a"};
        Random random = new Random(6);
        for (String name : names) {
            ExtensionPattern pattern = ExtensionPattern.of(name);
            for (int i = 0; i < 2_000; i++) {
                String dialed = i < 30 ? dialed(random) : randomDigits(random);
                String key = IndexedContext.withoutDashes(dialed);
                for (MatchMode mode : MatchMode.values()) {
                    if (pattern.match(dialed, mode) != 0) {
                        assertThat(pattern.mayMatchLength(key.length(), mode)).as(name + " " + mode + " " + dialed).isTrue();
                        assertThat(key.isEmpty() || pattern.mayStartWith(key.charAt(0))).as(name + " " + dialed).isTrue();
                    }
                }
            }
        }
    }

    private static String randomDigits(Random random) {
        StringBuilder dialed = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            dialed.append("0123456789-*ax".charAt(random.nextInt(14)));
        }
        return dialed.toString();
    }

    private static List<String> referenceShadowing(DialplanIndex index) {
        List<IndexedContext> contexts = index.contextNames().stream().map(name -> index.searchOrder(name).get(0)).toList();
        return ReferenceShadowingCheck.run(contexts, index::searchOrder).stream().map(Diagnostic::toString).toList();
    }

    private static void compare(DialplanIndex index, ReferenceDialplan reference, String context, String exten,
            int priority, String callerId, Random random) {
        String where = exten + "@" + context + ":" + priority + " cid=" + callerId;
        assertThat(index.find(context, exten, priority, callerId)).as("find " + where)
                .isEqualTo(reference.find(context, exten, priority, callerId));
        assertThat(index.exists(context, exten, callerId)).as("exists " + where)
                .isEqualTo(reference.exists(context, exten, callerId));
        assertThat(index.canMatch(context, exten, callerId)).as("canMatch " + where)
                .isEqualTo(reference.canMatch(context, exten, callerId));
        assertThat(index.matchMore(context, exten, callerId)).as("matchMore " + where)
                .isEqualTo(reference.matchMore(context, exten, callerId));
        String label = LABELS[random.nextInt(LABELS.length)];
        assertThat(index.findLabel(context, exten, label, callerId)).as("findLabel " + label + " " + where)
                .isEqualTo(reference.findLabel(context, exten, label, callerId));
        assertThat(index.explain(context, exten, callerId)).as("explain " + where)
                .isEqualTo(reference.explain(context, exten, callerId));
    }

    /** Up to six contexts of a few extensions from a small alphabet, so that names collide. */
    private static String randomPlan(Random random) {
        String[] names = {"1", "12", "123", "1-23", "124", "2", "22", "*1", "h", "i", "s", "a", "x",
            "_1X", "_1XX", "_1X.", "_1!", "_12!", "_X", "_XX", "_X.", "_X!", "_N", "_NX.", "_Z!", "_[1-3]X",
            "_[13]2", "_1-X", "_.", "_!", "_*X", "_[a-c]", "_x", "_1[x]", "_2.", "_22X"};
        String[] callerIds = {null, null, null, "", "555", "_5XX", "_5.", "_!", "5-55"};
        int contexts = 1 + random.nextInt(6);
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < contexts; c++) {
            text.append("[c").append(c).append("]\n");
            int includes = random.nextInt(4);
            for (int i = 0; i < includes; i++) {
                text.append("include => c").append(random.nextInt(7)).append('\n'); // cycles, self, missing
            }
            int extensions = random.nextInt(10);
            for (int e = 0; e < extensions; e++) {
                String name = names[random.nextInt(names.length)];
                String callerId = callerIds[random.nextInt(callerIds.length)];
                String field = callerId == null ? name : name + "/" + callerId;
                int first = 1 + random.nextInt(3);
                int count = 1 + random.nextInt(3);
                for (int p = 0; p < count; p++) {
                    String label = random.nextInt(3) == 0 ? "(" + LABELS[random.nextInt(LABELS.length - 1)] + ")" : "";
                    int priority = first + p + (random.nextInt(4) == 0 ? 1 : 0);
                    text.append("exten => ").append(field).append(',').append(priority).append(label)
                            .append(",NoOp(").append(c).append(' ').append(field).append(' ').append(priority)
                            .append(")\n");
                }
                if (random.nextInt(8) == 0) {
                    text.append("exten => ").append(name).append(",hint,PJSIP/x\n");
                }
            }
        }
        return text.toString();
    }

    private static String dialed(Random random) {
        String[] dialed = {"", "1", "12", "123", "1-23", "12-3", "124", "125", "1234", "2", "22", "222", "3", "32",
            "9", "99", "*1", "*12", "h", "i", "s", "t", "a", "b", "x", "1x", "-", "--1", "\u00e9", "1\u00e9"};
        return dialed[random.nextInt(dialed.length)];
    }

    private static String callerId(Random random) {
        String[] callerIds = {null, null, "", "555", "5551234", "5-55", "666", "5"};
        return callerIds[random.nextInt(callerIds.length)];
    }
}
