package org.strowger.pbx.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Lookups in Asterisk's search order: sorted extensions, priority fall-through, includes. */
class DialplanIndexTest {

    private static DialplanIndex index(String... lines) {
        return DialplanIndex.of(Plans.parse(lines));
    }

    /** The data of the line a lookup finds, which the tests use to tell lines apart. */
    private static String found(DialplanIndex index, String context, String exten, int priority, String callerId) {
        return index.find(context, exten, priority, callerId).map(PriorityLine::data).orElse("<none>");
    }

    @Test
    void aLiteralBeatsAPatternThatAlsoMatches() {
        DialplanIndex index = index("[c]", "exten => _1XX,1,NoOp(pattern)", "exten => 123,1,NoOp(literal)");
        assertThat(found(index, "c", "123", 1, null)).isEqualTo("literal");
        assertThat(found(index, "c", "124", 1, null)).isEqualTo("pattern");
    }

    @Test
    void theLeftmostSpecificPatternWinsWhateverTheFileOrder() {
        DialplanIndex index = index("[c]",
                "exten => _XXX,1,NoOp(XXX)",
                "exten => _1.,1,NoOp(1.)",
                "exten => _NXXXXXXXXX,1,NoOp(NXXXXXXXXX)",
                "exten => _NXXNXXXXXX,1,NoOp(NXXNXXXXXX)",
                "[overlap]",
                "exten => _12,1,NoOp(12)",
                "exten => _12!,1,NoOp(12!)",
                "exten => _1.,1,NoOp(1.)");
        assertThat(found(index, "c", "123", 1, null)).isEqualTo("1.");
        assertThat(found(index, "c", "2125551234", 1, null)).isEqualTo("NXXNXXXXXX");
        assertThat(found(index, "c", "2121551234", 1, null)).isEqualTo("NXXXXXXXXX");
        assertThat(found(index, "c", "456", 1, null)).isEqualTo("XXX");
        assertThat(found(index, "overlap", "12", 1, null)).isEqualTo("12!");
        assertThat(found(index, "overlap", "123", 1, null)).as("_12! sorts before _1.").isEqualTo("12!");
        assertThat(found(index, "overlap", "13", 1, null)).isEqualTo("1.");
    }

    @Test
    void aMissingPriorityFallsThroughToTheNextLessSpecificMatch() {
        DialplanIndex index = index("[c]",
                "exten => 123,1,NoOp(exact 1)",
                "exten => _1XX,1,NoOp(pattern 1)",
                " same => n,NoOp(pattern 2)",
                "exten => _X.,3,NoOp(catch 3)");
        assertThat(found(index, "c", "123", 1, null)).isEqualTo("exact 1");
        assertThat(found(index, "c", "123", 2, null)).isEqualTo("pattern 2");
        assertThat(found(index, "c", "123", 3, null)).isEqualTo("catch 3");
        assertThat(found(index, "c", "123", 4, null)).isEqualTo("<none>");
    }

    @Test
    void callerIdVariantsAreTriedBeforeThePlainExtension() {
        DialplanIndex index = index("[c]",
                "exten => 100,1,NoOp(everyone)",
                "exten => 100/_555XXXX,1,NoOp(555 numbers)",
                "exten => 100/5551234,1,NoOp(the boss)",
                "exten => 100/,1,NoOp(anonymous)");
        assertThat(found(index, "c", "100", 1, "5551234")).isEqualTo("the boss");
        assertThat(found(index, "c", "100", 1, "5559999")).isEqualTo("555 numbers");
        assertThat(found(index, "c", "100", 1, "6660000")).isEqualTo("everyone");
        assertThat(found(index, "c", "100", 1, null)).isEqualTo("anonymous");
        assertThat(found(index, "c", "100", 1, "")).isEqualTo("anonymous");
    }

    @Test
    void aCallerIdPatternNeverMatchesACallWithoutCallerId() {
        DialplanIndex index = index("[c]", "exten => 100/_!,1,NoOp(any number)", "exten => 100,1,NoOp(plain)");
        assertThat(found(index, "c", "100", 1, null)).isEqualTo("plain");
        assertThat(found(index, "c", "100", 1, "1")).isEqualTo("any number");
    }

    @Test
    void theContextItselfIsSearchedBeforeItsIncludesAndIncludesInOrderDepthFirst() {
        DialplanIndex index = index(
                "[c]", "include => a", "include => b", "exten => 1,1,NoOp(c)",
                "[a]", "include => a1", "exten => 2,1,NoOp(a)",
                "[a1]", "exten => 3,1,NoOp(a1)", "exten => 4,1,NoOp(a1)",
                "[b]", "exten => 1,1,NoOp(b)", "exten => 2,1,NoOp(b)", "exten => 3,1,NoOp(b)",
                "exten => 4,1,NoOp(b)", "exten => 5,1,NoOp(b)");
        assertThat(found(index, "c", "1", 1, null)).isEqualTo("c");
        assertThat(found(index, "c", "2", 1, null)).isEqualTo("a");
        assertThat(found(index, "c", "3", 1, null)).isEqualTo("a1");
        assertThat(found(index, "c", "5", 1, null)).isEqualTo("b");
        assertThat(found(index, "b", "2", 1, null)).isEqualTo("b");
    }

    @Test
    void aLocalPatternHidesAnExactExtensionOfAnIncludedContext() {
        DialplanIndex index = index("[c]", "include => users", "exten => _X.,1,NoOp(local pattern)",
                "[users]", "exten => 100,1,NoOp(alice)");
        assertThat(found(index, "c", "100", 1, null)).isEqualTo("local pattern");
        assertThat(found(index, "users", "100", 1, null)).isEqualTo("alice");
    }

    @Test
    void fallThroughAlsoReachesIncludedContexts() {
        DialplanIndex index = index("[c]", "include => d", "exten => 100,1,NoOp(local 1)",
                "[d]", "exten => 100,1,NoOp(d 1)", "exten => 100,2,NoOp(d 2)");
        assertThat(found(index, "c", "100", 2, null)).isEqualTo("d 2");
    }

    @Test
    void includeLoopsEndBecauseEachContextIsSearchedOnce() {
        DialplanIndex index = index(
                "[a]", "include => b", "include => a",
                "[b]", "include => a", "include => c",
                "[c]", "include => b", "exten => 7,1,NoOp(c)");
        assertThat(found(index, "a", "7", 1, null)).isEqualTo("c");
        assertThat(index.find("a", "8", 1, null)).isEmpty();
        assertThat(index.canMatch("a", "8", null)).isFalse();
        assertThat(index.explain("b", "7", null)).extracting(PriorityLine::data).containsExactly("c");
    }

    @Test
    void aLookupVisitsAtMost128Contexts() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 130; i++) {
            lines.add("[c" + i + "]");
            lines.add("include => c" + (i + 1));
        }
        lines.add("[c130]");
        List<String> at127 = new ArrayList<>(lines);
        at127.add(at127.indexOf("[c127]") + 1, "exten => 1,1,NoOp(deep)");
        List<String> at128 = new ArrayList<>(lines);
        at128.add(at128.indexOf("[c128]") + 1, "exten => 1,1,NoOp(too deep)");
        assertThat(found(index(at127.toArray(String[]::new)), "c0", "1", 1, null)).isEqualTo("deep");
        assertThat(found(index(at128.toArray(String[]::new)), "c0", "1", 1, null)).isEqualTo("<none>");
    }

    @Test
    void missingContextsAndIncludesAreSkipped() {
        DialplanIndex index = index("[c]", "include => gone", "include => d", "[d]", "exten => 1,1,NoOp(d)");
        assertThat(index.find("nowhere", "1", 1, null)).isEmpty();
        assertThat(found(index, "c", "1", 1, null)).isEqualTo("d");
    }

    @Test
    void timeWindowsAreTreatedAsAlwaysOpenForNow() {
        DialplanIndex index = index("[c]", "include => office,9:00-17:00,mon-fri,*,*", "[office]", "exten => 1,1,NoOp(open)");
        assertThat(found(index, "c", "1", 1, null)).isEqualTo("open");
    }

    @Test
    void existsNeedsPriorityOneAndAHintIsNotAPriority() {
        DialplanIndex index = index("[c]", "exten => 100,hint,PJSIP/alice", "exten => 101,2,NoOp()", "exten => 102,1,NoOp()");
        assertThat(index.exists("c", "100", null)).isFalse();
        assertThat(index.exists("c", "101", null)).isFalse();
        assertThat(index.exists("c", "102", null)).isTrue();
        assertThat(index.exists("c", "1-02", null)).as("dashes in dialed strings are ignored").isTrue();
    }

    @Test
    void canMatchAndMatchMoreDriveDigitCollection() {
        DialplanIndex index = index("[c]", "include => d", "exten => 100,1,NoOp()", "[d]", "exten => _9NXXXXXX,1,NoOp()");
        assertThat(index.canMatch("c", "1", null)).isTrue();
        assertThat(index.matchMore("c", "1", null)).isTrue();
        assertThat(index.matchMore("c", "100", null)).isFalse();
        assertThat(index.canMatch("c", "95", null)).as("through the include").isTrue();
        assertThat(index.matchMore("c", "9555123", null)).isTrue();
        assertThat(index.matchMore("c", "95551234", null)).isFalse();
        assertThat(index.canMatch("c", "8", null)).isFalse();
        assertThat(index.canMatch("c", "", null)).isTrue();
    }

    @Test
    void aReachedBangStopsMatchMoreInItsContextButTheParentGoesOnWithLaterIncludes() {
        DialplanIndex index = index(
                "[c]", "include => early", "include => later",
                "[early]", "exten => _1!,1,NoOp()", "exten => _X.,1,NoOp()",
                "[later]", "exten => 1234,1,NoOp()");
        assertThat(index.matchMore("early", "1", null)).as("_1! sorts before _X. and says stop").isFalse();
        assertThat(index.matchMore("early", "2", null)).isTrue();
        assertThat(index.exists("early", "1", null)).isTrue();
        assertThat(index.matchMore("c", "1", null)).as("later still wants digits").isTrue();
    }

    @Test
    void matchModesHonourCallerIdMatches() {
        DialplanIndex index = index("[c]", "exten => 100/555,1,NoOp()");
        assertThat(index.canMatch("c", "1", "555")).isTrue();
        assertThat(index.canMatch("c", "1", "666")).isFalse();
        assertThat(index.matchMore("c", "10", "555")).isTrue();
    }

    @Test
    void labelsAreFoundInTheFirstMatchingExtensionThatDefinesThem() {
        DialplanIndex index = index(
                "[c]", "include => d",
                "exten => 123,1(start),NoOp()", " same => n(retry),NoOp()",
                "exten => _1XX,1,NoOp()", " same => n,NoOp()", " same => n(fallback),NoOp()",
                "[d]", "exten => 123,5(remote),NoOp()");
        assertThat(index.findLabel("c", "123", "retry", null)).hasValue(2);
        assertThat(index.findLabel("c", "123", "fallback", null)).hasValue(3);
        assertThat(index.findLabel("c", "123", "remote", null)).hasValue(5);
        assertThat(index.findLabel("c", "123", "nowhere", null)).isEmpty();
        assertThat(index.findLabel("c", "124", "start", null)).isEmpty();
    }

    @Test
    void explainListsEveryCandidateInTheOrderTheyAreTried() {
        DialplanIndex index = index(
                "[c]", "include => d",
                "exten => _X.,1,NoOp(any)",
                "exten => 123,hint,PJSIP/x",
                "exten => _1XX,2,NoOp(1XX from 2)",
                "exten => 123/555,1,NoOp(boss)",
                "exten => 123,1,NoOp(exact)",
                "[d]", "exten => 123,1,NoOp(included)", "exten => 999,1,NoOp()");
        assertThat(index.explain("c", "123", null)).extracting(PriorityLine::data)
                .containsExactly("exact", "1XX from 2", "any", "included");
        assertThat(index.explain("c", "123", "555")).extracting(PriorityLine::data)
                .containsExactly("boss", "exact", "1XX from 2", "any", "included");
        assertThat(index.explain("c", "5", null)).isEmpty();
    }

    @Test
    void namesThatCompareEqualShareTheirPriorities() {
        DialplanIndex index = index("[c]", "exten => 1-00,1,NoOp(one)", "exten => 100,2,NoOp(two)");
        assertThat(found(index, "c", "100", 2, null)).isEqualTo("two");
        assertThat(index.explain("c", "100", null)).extracting(PriorityLine::data).containsExactly("one");
    }

    @Test
    void contextsAreListedInFileOrderAndGivenBack() {
        ParsedDialplan plan = Plans.parse("[zeta]", "[alpha]", "exten => 1,1,NoOp()");
        DialplanIndex index = DialplanIndex.of(plan);
        assertThat(index.contextNames()).containsExactly("zeta", "alpha");
        assertThat(index.context("alpha")).isEqualTo(Optional.of(plan.contexts().get("alpha")));
        assertThat(index.context("missing")).isEmpty();
        assertThat(index.find("alpha", "1", 0, null)).isEmpty();
    }
}
