package org.strowger.pbx.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** Asterisk's ext_cmp order: the extension that sorts first is the one a lookup tries first. */
class ExtensionPatternOrderTest {

    private static int compare(String left, String right) {
        return ExtensionPattern.of(left).compareTo(ExtensionPattern.of(right));
    }

    private static void assertBefore(String first, String second) {
        assertThat(compare(first, second)).as(first + " sorts before " + second).isNegative();
        assertThat(compare(second, first)).as(second + " sorts after " + first).isPositive();
    }

    @Test
    void literalsSortBeforeAllPatterns() {
        assertBefore("999", "_1");
        assertBefore("s", "_X.");
        assertBefore("zzz", "_!");
    }

    @Test
    void literalsSortByCharactersIgnoringDashesShorterFirst() {
        assertBefore("100", "101");
        assertBefore("12", "123");
        assertBefore("100", "s");
        assertThat(compare("1-00", "100")).isZero();
    }

    @Test
    void theLeftmostSpecificPositionWins() {
        assertBefore("_1.", "_XXX");
        assertBefore("_NXXNXXXXXX", "_NXXXXXXXXX");
        assertBefore("_1XX", "_X.");
    }

    @Test
    void bangSortsBeforeTheEndOfThePatternAndAfterDot() {
        assertBefore("_12!", "_12");
        assertBefore("_1.", "_1!");
        assertBefore("_.", "_!");
    }

    @Test
    void dotLosesToAnyConcreteClassAtTheSamePosition() {
        assertBefore("_1X", "_1.");
        assertBefore("_1[0-9a-z]", "_1.");
    }

    @Test
    void smallerSetsSortFirstAndDigitClassesAreSets() {
        assertBefore("_N", "_Z");
        assertBefore("_Z", "_X");
        assertBefore("_[12]", "_N");
        assertThat(compare("_X", "_[0-9]")).isZero();
        assertThat(compare("_N", "_[2-9]")).isZero();
        assertThat(compare("_NXX-XXXX", "_NXXXXXX")).isZero();
    }

    @Test
    void setsOfEqualCostPutTheOneWithLowerCharactersFirst() {
        assertBefore("_[0-4]", "_[5-9]");
        assertBefore("_[12]", "_[13]");
        assertBefore("_[124]", "_[134]");
    }

    @Test
    void charactersAfterDotStillTakePartInTheOrder() {
        assertBefore("_1.2", "_1.3");
        assertBefore("_1.5", "_1.");
    }

    @Test
    void aShuffledListSortsIntoAsterisksOrder() {
        List<String> expected = List.of("100", "s", "_12!", "_12", "_1XX", "_1.", "_[12]3", "_NXX", "_X.", "_.", "_!");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(7));
        List<String> sorted = shuffled.stream().map(ExtensionPattern::of).sorted()
                .map(ExtensionPattern::name).toList();
        assertThat(sorted).containsExactlyElementsOf(expected);
    }
}
