package org.strowger.pbx.internal.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TemplatesTest {

    private final FakeScope scope = new FakeScope()
            .set("EXTEN", "5551234")
            .set("NAME", "alice")
            .set("B", "XY")
            .set("AXY", "nested")
            .set("N", "2");

    private String eval(String text) throws DialplanSyntaxException {
        return Templates.compile(text).evaluate(scope);
    }

    @Test
    void plainTextIsLiteralAndEvaluatesToItself() throws Exception {
        Template template = Templates.compile("PJSIP/alice,30,tT");

        assertThat(template.isLiteral()).isTrue();
        assertThat(template.source()).isEqualTo("PJSIP/alice,30,tT");
        assertThat(template.evaluate(scope)).isEqualTo("PJSIP/alice,30,tT");
    }

    @Test
    void emptyTextIsAnEmptyLiteral() throws Exception {
        Template template = Templates.compile("");

        assertThat(template.isLiteral()).isTrue();
        assertThat(template.evaluate(scope)).isEmpty();
    }

    @Test
    void loneDollarsBracesAndBracketsAreLiteral() throws Exception {
        assertThat(eval("costs $5 } ] { [ $ $$ a$b")).isEqualTo("costs $5 } ] { [ $ $$ a$b");
        assertThat(Templates.compile("$5 }").isLiteral()).isTrue();
    }

    @Test
    void variableIsSubstitutedInPlace() throws Exception {
        assertThat(eval("PJSIP/${NAME}-phone")).isEqualTo("PJSIP/alice-phone");
    }

    @Test
    void templateWithAReferenceIsNotLiteralAndKeepsItsSource() throws Exception {
        Template template = Templates.compile("Dial(${NAME})");

        assertThat(template.isLiteral()).isFalse();
        assertThat(template.source()).isEqualTo("Dial(${NAME})");
    }

    @Test
    void missingVariableIsEmpty() throws Exception {
        assertThat(eval("[${NOPE}]")).isEqualTo("[]");
    }

    @Test
    void adjacentReferencesAreEachSubstituted() throws Exception {
        assertThat(eval("${NAME}${N}${NAME}")).isEqualTo("alice2alice");
    }

    @Test
    void variableNameCanBeATemplate() throws Exception {
        assertThat(eval("${A${B}}")).isEqualTo("nested");
    }

    @Test
    void computedNameThatIsEmptyGivesEmptyWithoutALookup() throws Exception {
        assertThat(eval("[${${NOPE}}]")).isEqualTo("[]");
        assertThat(scope.lookups).containsExactly("NOPE");
    }

    @Test
    void variableNamesAreCaseSensitiveAndKeptVerbatim() throws Exception {
        assertThat(eval("[${name}]")).isEqualTo("[]");
        assertThat(eval("[${ NAME }]")).isEqualTo("[]");
        assertThat(scope.lookups).containsExactly("name", " NAME ");
    }

    @Test
    void functionCallGetsEachArgumentSeparately() throws Exception {
        assertThat(eval("${ARGS(a,b,c)}")).isEqualTo("[a][b][c]");
        assertThat(scope.calls).containsExactly("ARGS[a, b, c]");
    }

    @Test
    void functionWithEmptyParenthesesGetsNoArgumentButEmptyArgumentsAreKept() throws Exception {
        assertThat(eval("${ARGS()}")).isEmpty();
        assertThat(eval("${ARGS(,)}")).isEqualTo("[][]");
        assertThat(eval("${ARGS( a , b )}")).isEqualTo("[ a ][ b ]");
        assertThat(scope.calls).containsExactly("ARGS[]", "ARGS[, ]", "ARGS[ a ,  b ]");
    }

    @Test
    void argumentsSplitOnlyOnCommasOutsideNesting() throws Exception {
        assertThat(eval("${ARGS(a(b,c),d[e,f],\"g,h\",${ARGS(i,j)},$[ECHO(1,2)])}"))
                .isEqualTo("[a(b,c)][d[e,f]][\"g,h\"][[i][j]][1,2]");
    }

    @Test
    void quotesInArgumentsProtectCommasAndAreKept() throws Exception {
        assertThat(eval("${ARGS(\"a,b\",c)}")).isEqualTo("[\"a,b\"][c]");
        assertThat(eval("${ARGS(\"x)y\")}")).isEqualTo("[\"x)y\"]");
    }

    @Test
    void argumentsMayContainReferences() throws Exception {
        assertThat(eval("${ARGS(${NAME},x${N}y)}")).isEqualTo("[alice][x2y]");
    }

    @Test
    void nestedFunctionCallsEvaluateInnermostFirst() throws Exception {
        assertThat(eval("${LEN(${TOUPPER(${NAME})})}")).isEqualTo("5");
        assertThat(scope.calls).containsExactly("TOUPPER[alice]", "LEN[ALICE]");
    }

    @Test
    void substringOfAFunctionResult() throws Exception {
        assertThat(eval("${TOUPPER(${NAME}):1:3}")).isEqualTo("LIC");
        assertThat(eval("${TOUPPER(${NAME}):-2}")).isEqualTo("CE");
    }

    @Test
    void functionErrorsPropagate() throws Exception {
        Template template = Templates.compile("x${MISSING(1)}");

        assertThatThrownBy(() -> template.evaluate(scope))
                .isInstanceOf(DialplanEvaluationException.class)
                .hasMessage("No such function MISSING");
    }

    @Test
    void expressionIsSubstitutedInPlace() throws Exception {
        assertThat(eval("n=$[${N} + 1];")).isEqualTo("n=3;");
    }

    @Test
    void expressionsAndReferencesNestInAnyCombination() throws Exception {
        assertThat(eval("${EXTEN:$[${N} - 1]:${N}}")).isEqualTo("55");
        assertThat(eval("${ARGS($[${N} * 2],${EXTEN:${N}})}")).isEqualTo("[4][51234]");
        assertThat(eval("$[${LEN(${EXTEN})} + $[1 + 1]]")).isEqualTo("9");
    }

    @Test
    void compiledTemplateIsReusableWithDifferentScopes() throws Exception {
        Template template = Templates.compile("${NAME}:$[${N} * 2]");

        assertThat(template.evaluate(new FakeScope().set("NAME", "a").set("N", "1"))).isEqualTo("a:2");
        assertThat(template.evaluate(new FakeScope().set("NAME", "b").set("N", "5"))).isEqualTo("b:10");
    }

    @Test
    void dialplanFunctionsInExpressionsRunAtEachEvaluation() throws Exception {
        Template template = Templates.compile("$[LEN(x) + 1]|$[SQRT(16) + 1]");

        assertThat(template.evaluate(scope)).isEqualTo("2|5");
        assertThat(template.evaluate(scope)).isEqualTo("2|5");
        assertThat(scope.calls).containsExactly("LEN[x]", "LEN[x]");
        assertThat(template.isLiteral()).isFalse();
    }
}
