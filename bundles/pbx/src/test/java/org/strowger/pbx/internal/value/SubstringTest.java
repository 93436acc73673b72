package org.strowger.pbx.internal.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SubstringTest {

    private final FakeScope scope = new FakeScope()
            .set("X", "0123456789")
            .set("ONE", "1")
            .set("MINUS", "-3")
            .set("WORD", "abc")
            .set("BLANKS", " 2 ")
            .set("EMOJI", "a\uD83D\uDE00b");

    private String eval(String text) throws DialplanSyntaxException {
        return Templates.compile(text).evaluate(scope);
    }

    @ParameterizedTest(name = "{0} -> ''{1}''")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "${X:0}       | 0123456789",
        "${X:3}       | 3456789",
        "${X:3:2}     | 34",
        "${X:0:0}     | ''",
        "${X:8:10}    | 89",
        "${X:10}      | ''",
        "${X:99}      | ''",
        "${X:99:2}    | ''",
        "${X:-3}      | 789",
        "${X:-3:2}    | 78",
        "${X:-99}     | 0123456789",
        "${X:-99:2}   | 01",
        "${X:0:-2}    | 01234567",
        "${X:2:-2}    | 234567",
        "${X:-4:-1}   | 678",
        "${X:0:-10}   | ''",
        "${X:0:-99}   | ''",
        "${X:+2:+3}   | 234",
        "${X: 2 : 3 } | 234",
        "${X:99999999999999999999} | ''",
        "${X:0:99999999999999999999} | 0123456789",
        "${X:-99999999999999999999:1} | 0",
        "${NOPE:1:2}  | ''",
    })
    void cutsLikeAsterisk(String text, String expected) throws Exception {
        assertThat(eval(text.strip())).isEqualTo(expected);
    }

    @Test
    void offsetAndLengthMayBeReferences() throws Exception {
        assertThat(eval("${X:${ONE}:${ONE}}")).isEqualTo("1");
        assertThat(eval("${X:${MINUS}}")).isEqualTo("789");
        assertThat(eval("${X:$[${ONE} + 4]:$[2 * 2]}")).isEqualTo("5678");
        assertThat(eval("${X:${BLANKS}:2}")).isEqualTo("23");
    }

    @Test
    void computedOffsetThatIsNotAnIntegerIsAnEvaluationError() throws Exception {
        Template template = Templates.compile("${X:${WORD}}");

        assertThatThrownBy(() -> template.evaluate(scope))
                .isInstanceOf(DialplanEvaluationException.class)
                .hasMessage("The substring offset of ${X:${WORD}} must be an integer, but it evaluated to 'abc'");
    }

    @Test
    void computedLengthThatIsEmptyIsAnEvaluationError() throws Exception {
        Template template = Templates.compile("${X:1:${NOPE}}");

        assertThatThrownBy(() -> template.evaluate(scope))
                .isInstanceOf(DialplanEvaluationException.class)
                .hasMessageContaining("substring length of ${X:1:${NOPE}} must be an integer")
                .hasMessageContaining("evaluated to ''");
    }

    @Test
    void fractionalComputedOffsetIsRejected() throws Exception {
        Template template = Templates.compile("${X:$[3 / 2]}");

        assertThatThrownBy(() -> template.evaluate(scope))
                .isInstanceOf(DialplanEvaluationException.class)
                .hasMessageContaining("evaluated to '1.5'");
    }

    @Test
    void countsCharactersNotUtf16Units() throws Exception {
        assertThat(eval("${EMOJI:1:1}")).isEqualTo("\uD83D\uDE00");
        assertThat(eval("${EMOJI:-1}")).isEqualTo("b");
    }

    @Test
    void cutHandlesExtremeBounds() {
        assertThat(Substring.cut("abc", Integer.MIN_VALUE, Integer.MAX_VALUE)).isEqualTo("abc");
        assertThat(Substring.cut("abc", 1, Integer.MIN_VALUE)).isEmpty();
        assertThat(Substring.cut("abc", Integer.MAX_VALUE, null)).isEmpty();
        assertThat(Substring.cut("", 0, null)).isEmpty();
    }
}
