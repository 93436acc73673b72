package org.strowger.pbx.internal.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Truth.isTrue follows Asterisk's pbx_checkcondition. */
class TruthTest {

    @Test
    void emptyAndNullAreFalse() {
        assertThat(Truth.isTrue("")).isFalse();
        assertThat(Truth.isTrue(null)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "00", "-0", "+0", " 0", "\t0", "0.5", "0.9", "0abc", "0 1", "000000000000000000000000"})
    void leadingZeroIntegerIsFalse(String value) {
        assertThat(Truth.isTrue(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "-1", "+2", " 7", "2nd", "1.5", "10", "007", "99999999999999999999999", "100 0"})
    void leadingNonZeroIntegerIsTrue(String value) {
        assertThat(Truth.isTrue(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", " ", "-", "+", ".5", "false", "no", "\"0\"", "x0", "- 0"})
    void anyOtherTextIsTrue(String value) {
        assertThat(Truth.isTrue(value)).isTrue();
    }

    @Test
    void expressionResultsFeedGotoIf() throws Exception {
        FakeScope scope = new FakeScope().set("N", "5");

        assertThat(Truth.isTrue(Templates.compile("$[${N} > 3]").evaluate(scope))).isTrue();
        assertThat(Truth.isTrue(Templates.compile("$[${N} < 3]").evaluate(scope))).isFalse();
    }
}
