package org.strowger.pbx.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExtensionPatternTest {

    private static ExtensionPattern p(String name) {
        return ExtensionPattern.of(name);
    }

    @Test
    void aNameWithoutUnderscoreIsALiteralMatchedExactlyAndCaseSensitively() {
        ExtensionPattern alice = p("alice");
        assertThat(alice.isPattern()).isFalse();
        assertThat(alice.matches("alice")).isTrue();
        assertThat(alice.matches("Alice")).isFalse();
        assertThat(alice.matches("alic")).isFalse();
        assertThat(p("s").matches("s")).isTrue();
        assertThat(p("XXX").matches("123")).as("X is only a wildcard in patterns").isFalse();
    }

    @Test
    void dashesAreIgnoredInLiteralsAndInDialedStrings() {
        assertThat(p("555-1234").matches("5551234")).isTrue();
        assertThat(p("5551234").matches("555-1234")).isTrue();
        assertThat(p("_NXX-XXXX").matches("555-1234")).isTrue();
        assertThat(p("_NXX-XXXX").matches("5551234")).isTrue();
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "_X, 0, true", "_X, 9, true", "_X, a, false",
            "_x, 5, true",
            "_Z, 1, true", "_Z, 0, false", "_z, 9, true",
            "_N, 2, true", "_N, 1, false", "_n, 9, true",
            "_[15-7a], 1, true", "_[15-7a], 6, true", "_[15-7a], a, true",
            "_[15-7a], 2, false", "_[15-7a], A, false", "_[15-7a], -, false",
            "_[-1], 1, true",
            "_[x]1, x1, true", "_x1, x1, false", "_x1, 51, true",
            "_a., a1, true", "_a., A1, false",
            "_1[]2, 12, true",
            "_#X, #5, true", "_*98, *98, true",
            "_NXXXXXX, 5551234, true", "_NXXXXXX, 1551234, false", "_NXXXXXX, 555123, false",
            "_9., 91, true", "_9., 9, false", "_9., 9anything, true",
            "_9.5, 91, true",
            "_9!, 9, true", "_9!, 9123, true", "_9!, 8, false",
            "_!, '', true",
    })
    void theAlphabetMatchesOneCharacterPerPosition(String pattern, String dialed, boolean expected) {
        assertThat(p(pattern).matches(dialed)).isEqualTo(expected);
    }

    @Test
    void aLiteralCanMatchItsPrefixesAndMatchesMoreOnlyWhileShorter() {
        ExtensionPattern exten = p("1234");
        assertThat(exten.canMatch("")).isTrue();
        assertThat(exten.canMatch("12")).isTrue();
        assertThat(exten.canMatch("1234")).isTrue();
        assertThat(exten.canMatch("13")).isFalse();
        assertThat(exten.canMatch("12345")).isFalse();
        assertThat(exten.matchMore("12")).isTrue();
        assertThat(exten.matchMore("1234")).isFalse();
    }

    @Test
    void aFixedLengthPatternCanMatchPrefixesAndNeedsMoreUntilComplete() {
        ExtensionPattern pattern = p("_1XX");
        assertThat(pattern.matches("1")).isFalse();
        assertThat(pattern.canMatch("1")).isTrue();
        assertThat(pattern.matchMore("1")).isTrue();
        assertThat(pattern.matches("123")).isTrue();
        assertThat(pattern.canMatch("123")).isTrue();
        assertThat(pattern.matchMore("123")).isFalse();
        assertThat(pattern.canMatch("1234")).isFalse();
        assertThat(pattern.canMatch("2")).isFalse();
    }

    @Test
    void dotNeedsOneMoreCharacterAndAlwaysWantsMore() {
        ExtensionPattern pattern = p("_9.");
        assertThat(pattern.matches("9")).isFalse();
        assertThat(pattern.canMatch("9")).isTrue();
        assertThat(pattern.matchMore("9")).isTrue();
        assertThat(pattern.matches("91")).isTrue();
        assertThat(pattern.matchMore("91")).isTrue();
    }

    @Test
    void bangIsAnEarlyMatchThatAnswersNoMoreOnceReached() {
        ExtensionPattern pattern = p("_12!");
        assertThat(pattern.matchMore("1")).isTrue();
        assertThat(pattern.matches("1")).isFalse();
        assertThat(pattern.canMatch("1")).isTrue();
        assertThat(pattern.matches("12")).isTrue();
        assertThat(pattern.matchMore("12")).isFalse();
        assertThat(pattern.matches("123")).isTrue();
        assertThat(pattern.matchMore("123")).isFalse();
        assertThat(pattern.canMatch("123")).isTrue();
    }

    @Test
    void namesThatCompareEqualAreEqualBecauseTheyMatchTheSameStrings() {
        assertThat(p("100")).isEqualTo(p("1-00")).hasSameHashCodeAs(p("1-00"));
        assertThat(p("_XX")).isEqualTo(p("_[0-9]x")).hasSameHashCodeAs(p("_[0-9]x"));
        assertThat(p("_X")).isNotEqualTo(p("_Z"));
        assertThat(p("100")).isNotEqualTo(p("_100"));
        assertThat(p("_NXX-XXXX")).hasToString("_NXX-XXXX");
    }

    @Test
    void malformedNamesAreRejectedWithTheReason() {
        assertThatThrownBy(() -> p("_12[3")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pattern '_12[3' has a '[' at position 4 without a closing ']'");
        assertThatThrownBy(() -> p("_1]2")).hasMessageContaining("']' at position 3 without an opening '['");
        assertThatThrownBy(() -> p("_[9-1]")).hasMessageContaining("reversed range '9-1'")
                .hasMessageContaining("'1-9'");
        assertThatThrownBy(() -> p("_")).hasMessageContaining("nothing to match after the '_'");
        assertThatThrownBy(() -> p("_[]")).hasMessageContaining("nothing to match after the '_'");
        assertThatThrownBy(() -> p("")).hasMessage("an extension name cannot be empty");
        assertThatThrownBy(() -> p("--")).hasMessageContaining("empty once the '-' separators are ignored");
        assertThatThrownBy(() -> p("1 00")).hasMessageContaining("whitespace");
        assertThatThrownBy(() -> p("100/555")).hasMessageContaining("caller-ID match");
        assertThatThrownBy(() -> p("1".repeat(81))).hasMessageContaining("at most 80");
        assertThat(p("1".repeat(80)).matches("1".repeat(80))).isTrue();
    }

    @Test
    void aCoveringPatternMatchesEverythingTheOtherDoes() {
        assertThat(p("_X.").covers(p("100"))).isTrue();
        assertThat(p("_X.").covers(p("_1XX"))).isTrue();
        assertThat(p("_X.").covers(p("_1."))).isTrue();
        assertThat(p("_X.").covers(p("_1!"))).as("_1! also matches 1 alone").isFalse();
        assertThat(p("_1!").covers(p("_1XX"))).isTrue();
        assertThat(p("_1XX").covers(p("_1X."))).isFalse();
        assertThat(p("_X.").covers(p("*98"))).isFalse();
        assertThat(p("_[0-5]X").covers(p("_[1-3]X"))).isTrue();
        assertThat(p("_[1-3]X").covers(p("_[0-5]X"))).isFalse();
        assertThat(p("100").covers(p("1-00"))).isTrue();
    }
}
