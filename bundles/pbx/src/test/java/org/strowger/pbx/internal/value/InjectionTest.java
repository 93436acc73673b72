package org.strowger.pbx.internal.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dialplan injection (dialplan.md §5): a value from the caller fills its one slot and is never
 * read as dialplan text, whatever it contains.
 */
class InjectionTest {

    private final FakeScope scope = new FakeScope();

    private String eval(String text) throws DialplanSyntaxException {
        return Templates.compile(text).evaluate(scope);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "500&PJSIP/itsp/14165551212", "1,30,tTL(1)", "a)b", "${OTHER}", "$[1+1]", "${LEN(x)}",
        "$[", "${", "}", "]", "\"", "a\"b,c", "${X:1:2}", "x:y", "&&&", "::", "$", ""})
    void variableValueComesOutVerbatim(String hostile) throws Exception {
        scope.set("EXTEN", hostile).set("OTHER", "oops").set("X", "oops");

        assertThat(eval("PJSIP/${EXTEN}")).isEqualTo("PJSIP/" + hostile);
        assertThat(scope.calls).isEmpty();
        assertThat(scope.lookups).containsExactly("EXTEN");
    }

    @Test
    void valueWithCommasStaysOneFunctionArgument() throws Exception {
        scope.set("EXTEN", "a,b),c");

        assertThat(eval("${ARGS(${EXTEN},x)}")).isEqualTo("[a,b),c][x]");
        assertThat(scope.calls).containsExactly("ARGS[a,b),c, x]");
    }

    @Test
    void valueWithQuotesDoesNotChangeArgumentSplitting() throws Exception {
        scope.set("Q", "\"");

        assertThat(eval("${ARGS(${Q},a,${Q})}")).isEqualTo("[\"][a][\"]");
    }

    @Test
    void computedVariableNameIsOnlyEverAVariableName() throws Exception {
        scope.set("WHICH", "LEN(secret)").set("WHICH2", "EXTEN:1");

        assertThat(eval("[${${WHICH}}][${${WHICH2}}]")).isEqualTo("[][]");
        assertThat(scope.calls).isEmpty();
        assertThat(scope.lookups).containsExactly("WHICH", "LEN(secret)", "WHICH2", "EXTEN:1");
    }

    @Test
    void expressionAtomIsOneOperandNeverReLexed() throws Exception {
        scope.set("A", "1 + 1");

        assertThat(eval("$[${A} ~~ x]")).isEqualTo("1 + 1x");
        assertThat(eval("$[${A} = 2]")).isEqualTo("0");
        assertThatThrownBy(() -> eval("$[${A} * 3]"))
                .isInstanceOf(DialplanEvaluationException.class)
                .hasMessage("'*' needs two numbers, but got '1 + 1' * '3'");
    }

    @Test
    void numericAtomIsANumber() throws Exception {
        scope.set("A", "2");

        assertThat(eval("$[${A} + 1]")).isEqualTo("3");
        assertThat(eval("$[${A}${A} + 1]")).isEqualTo("23");
    }

    @Test
    void atomCannotCloseTheExpressionOrAddOperators() throws Exception {
        scope.set("A", "1] + 5 + [1").set("B", "0 | 1").set("C", ") :: 1 ? (");

        assertThat(eval("$[${A} ~~ .]")).isEqualTo("1] + 5 + [1.");
        assertThat(eval("$[${B} ? y :: n]")).isEqualTo("y");
        assertThat(eval("$[${B} & 0]")).isEqualTo("0");
        assertThat(eval("$[${C} = x]")).isEqualTo("0");
    }

    @Test
    void atomThatLooksLikeAnOperatorIsAnOperand() throws Exception {
        scope.set("OP", "+").set("EMPTY", "");

        assertThat(eval("$[${OP} = \"+\"]")).isEqualTo("0");
        assertThat(eval("$[${OP} ~~ ${OP}]")).isEqualTo("++");
        assertThat(eval("$[${EMPTY} = ${EMPTY}]")).isEqualTo("1");
    }

    @Test
    void atomInsideQuotesCannotEscapeThem() throws Exception {
        scope.set("A", "x\" = \"x");

        assertThat(eval("$[\"${A}\" = \"y\"]")).isEqualTo("0");
        assertThat(eval("$[\"${A}\" ~~ \"\"]")).isEqualTo("x\" = \"x");
    }

    @Test
    void regexPatternFromAValueIsOnlyAPattern() throws Exception {
        scope.set("P", "5|6").set("S", "6000");

        assertThat(eval("$[${S} : ${P}]")).isEqualTo("1");
        assertThat(scope.calls).isEmpty();
    }

    @Test
    void badPatternFromAValueFailsAtRunTime() throws Exception {
        scope.set("P", "(");
        Template template = Templates.compile("$[abc : ${P}]");

        assertThatThrownBy(() -> template.evaluate(scope))
                .isInstanceOf(DialplanEvaluationException.class)
                .hasMessageStartingWith("Invalid regular expression '(': ");
    }

    @Test
    void functionResultIsNotReScanned() throws Exception {
        scope.set("V", "${EXTEN}");

        assertThat(eval("${ECHO(${V},$[1+1])}")).isEqualTo("${EXTEN},2");
        assertThat(scope.lookups).containsExactly("V");
    }

    @Test
    void substringOfAHostileValueIsPlainText() throws Exception {
        scope.set("EXTEN", "9${X},1");

        assertThat(eval("${EXTEN:1}")).isEqualTo("${X},1");
    }
}
