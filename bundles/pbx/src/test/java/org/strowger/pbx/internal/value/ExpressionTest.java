package org.strowger.pbx.internal.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Semantics of $[...] operators on literal operands (each is computed when it compiles). */
class ExpressionTest {

    private final FakeScope scope = new FakeScope();

    private String eval(String expression) throws DialplanSyntaxException {
        return Templates.compile("$[" + expression + "]").evaluate(scope);
    }

    @ParameterizedTest(name = "$[{0}] = {1}")
    @CsvSource(delimiter = '|', value = {
        "3+4          | 7",
        "3 + 4        | 7",
        "10 - 12      | -2",
        "6 * 7        | 42",
        "7 / 2        | 3.5",
        "6 / 2        | 3",
        "1 / 3        | 0.3333333333333333",
        "2 / 3        | 0.6666666666666667",
        "1 / 8        | 0.125",
        "7 % 3        | 1",
        "-7 % 3       | -1",
        "7.5 % 2      | 1.5",
        "1.5 + 1.5    | 3",
        "0.1 + 0.2    | 0.3",
        "3.0          | 3.0",
        "3.0 + 0      | 3",
        "2.50 * 2     | 5",
        "007 + 1      | 8",
        ".5 + .5      | 1",
        "5. + 1       | 6",
        "-5           | -5",
        "- -5         | 5",
        "2 - -3       | 5",
        "0 * -1       | 0",
        "99999999999999999999 + 1 | 100000000000000000000",
        "14165551212 * 10 | 141655512120",
    })
    void arithmeticIsExactAndPrintsWithoutTrailingZeros(String expression, String expected) throws Exception {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "$[{0}] = {1}")
    @CsvSource(delimiter = '|', value = {
        "1 = 1        | 1",
        "1 == 1       | 1",
        "1 = 2        | 0",
        "3 = 3.0      | 1",
        "007 = 7      | 1",
        "1 != 2       | 1",
        "1 != 1       | 0",
        "2 < 10       | 1",
        "10 > 9       | 1",
        "10 >= 10     | 1",
        "9 <= 10      | 1",
        "-1 < 0       | 1",
        "abc = abc    | 1",
        "abc < abd    | 1",
        "abc > abd    | 0",
        "B < a        | 1",
        "10 < 9x      | 1",
        "'\"10\" < \"9\"' | 1",
        "'\"3\" = 3'  | 0",
        "'\"a\" = \"a\"' | 1",
        "'\"\" = \"\"' | 1",
    })
    void comparisonsAreNumericWhenBothSidesAreNumbersElseTextual(String expression, String expected)
            throws Exception {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "$[{0}] = {1}")
    @CsvSource(delimiterString = "=>", value = {
        "a | b           => a",
        "0 | b           => b",
        "0.0 | b         => b",
        "'\"\" | b'      => b",
        "'\"0\" | b'     => \"0\"",
        "0.5 | b         => 0.5",
        "a || b          => a",
        "a & b           => a",
        "a & 0           => 0",
        "0 & b           => 0",
        "a && b          => a",
        "!0              => 1",
        "!1              => 0",
        "!abc            => 0",
        "!0.0            => 1",
        "!!7             => 1",
        "'\"\" ? y :: n' => n",
        "1 ? y :: n      => y",
        "0 ? y :: n      => n",
        "abc ? y :: n    => y",
        "0.5 ? y :: n    => y",
    })
    void logicUsesExpressionTruth(String expression, String expected) throws Exception {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void emptyOperandIsFalse() throws Exception {
        assertThat(Templates.compile("$[${NOPE} | fallback]").evaluate(scope)).isEqualTo("fallback");
        assertThat(Templates.compile("$[!${NOPE}]").evaluate(scope)).isEqualTo("1");
    }

    @ParameterizedTest(name = "$[{0}] = ''{1}''")
    @CsvSource(delimiter = '|', emptyValue = "", value = {
        "abcdef : abc           | 3",
        "abcdef : bcd           | 0",
        "abcdef =~ bcd          | 3",
        "abcdef =~ xyz          | 0",
        "'5551234 : \"(555)\"'  | 555",
        "'5551234 : \"(666)\"'  | ''",
        "'5551234 =~ \"1(23)\"' | 23",
        "'5551234 : \"[0-9]+\"' | 7",
        "'\"a b c\" : \"a b\"'  | 3",
        "'abc : \"[[:alpha:]]+\"' | 3",
        "'a1b : \"[[:digit:]]\"'  | 0",
        "'a1b =~ \"[[:digit:]]\"' | 1",
        "'x : \"(y)?x\"'        | ''",
        "5551234 : [0-9]        | 1",
        "abc ~~ def             | abcdef",
        "'\"abc\" ~~ \"def\"'   | abcdef",
        "1 ~~ 2                 | 12",
    })
    void regexAndConcatenationStripQuotes(String expression, String expected) throws Exception {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void quotedStringsKeepTheirQuotes() throws Exception {
        assertThat(eval("\"hello world\"")).isEqualTo("\"hello world\"");
        assertThat(eval("\"a]b\"")).isEqualTo("\"a]b\"");
    }

    @Test
    void quotedNumbersAreText() {
        assertThatThrownBy(() -> eval("\"3\" + 1"))
                .isInstanceOf(DialplanSyntaxException.class)
                .hasMessageContaining("'+' needs two numbers, but got '\"3\"' + '1'");
    }

    @ParameterizedTest(name = "$[{0}] = {1}")
    @CsvSource(delimiter = '|', value = {
        "SQRT(16)       | 4",
        "SQRT(2)        | 1.4142135623730951",
        "FLOOR(2.7)     | 2",
        "FLOOR(-2.5)    | -3",
        "CEIL(2.1)      | 3",
        "ROUND(2.5)     | 3",
        "ROUND(-2.5)    | -3",
        "ROUND(2.49)    | 2",
        "TRUNC(-2.7)    | -2",
        "ABS(-4.5)      | 4.5",
        "POW(2, 10)     | 1024",
        "POW(2, 0.5)    | 1.4142135623730951",
        "POW(10, 20)    | 100000000000000000000",
        "LOG(1)         | 0",
        "EXP(0)         | 1",
        "LOG(EXP(2))    | 2",
        "LOG10(1000)    | 3",
        "LOG2(8)        | 3",
        "COS(0)         | 1",
        "SQRT(9) + 1    | 4",
        "POW(1 + 1, 2 * 2) | 16",
        "FLOOR((7 / 2)) | 3",
    })
    void mathFunctions(String expression, String expected) throws Exception {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @Test
    void otherFunctionsGoToTheScopeWithEvaluatedArguments() throws Exception {
        assertThat(eval("LEN(abc) + 1")).isEqualTo("4");
        assertThat(eval("ARGS(1 + 1, a ~~ b, \"x,y\")")).isEqualTo("[2][ab][\"x,y\"]");
        assertThat(eval("ARGS()")).isEmpty();
        assertThat(scope.calls).containsExactly("LEN[abc]", "ARGS[2, ab, \"x,y\"]", "ARGS[]");
    }

    @Test
    void functionResultIsOneOperand() throws Exception {
        assertThat(eval("ECHO(1, 2) = \"1,2\"")).isEqualTo("0");
        assertThat(eval("ECHO(1, 2) ~~ x")).isEqualTo("1,2x");
    }

    @Test
    void unknownFunctionFailsWhenEvaluated() throws Exception {
        Template template = Templates.compile("$[NOSUCH(1) + 1]");

        assertThatThrownBy(() -> template.evaluate(scope))
                .isInstanceOf(DialplanEvaluationException.class)
                .hasMessage("No such function NOSUCH");
    }

    @Test
    void mathFunctionNamesAreCaseSensitive() throws Exception {
        assertThat(eval("ABS(-1)")).isEqualTo("1");
        assertThatThrownBy(() -> eval("abs(-1)").length())
                .isInstanceOf(DialplanEvaluationException.class)
                .hasMessage("No such function abs");
    }

    @Test
    void conditionalEvaluatesOnlyTheChosenBranch() throws Exception {
        assertThat(eval("1 ? LEN(yes) :: LEN(no)")).isEqualTo("3");
        assertThat(scope.calls).containsExactly("LEN[yes]");
    }

    @Test
    void orAndAndEvaluateTheRightSideOnlyWhenItDecides() throws Exception {
        assertThat(eval("1 | LEN(x)")).isEqualTo("1");
        assertThat(eval("0 & LEN(x)")).isEqualTo("0");
        assertThat(scope.calls).isEmpty();
        assertThat(eval("0 | LEN(x)")).isEqualTo("1");
        assertThat(eval("1 & LEN(xy)")).isEqualTo("1");
        assertThat(scope.calls).containsExactly("LEN[x]", "LEN[xy]");
    }

    @Test
    void blanksAroundAndInsideAreIgnored() throws Exception {
        assertThat(eval("  1\t+\n2  ")).isEqualTo("3");
    }
}
