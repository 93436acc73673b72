package org.strowger.pbx.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.pbx.ArgumentSyntax;

class ArgumentSplitterTest {

    @Test
    void commasOutsideBracketsReferencesAndQuotesSeparateArguments() {
        var raw = ArgumentSplitter.split("SIP/bob,30,tT", ArgumentSyntax.arguments());

        assertThat(raw.slots()).containsExactly(List.of("SIP/bob"), List.of("30"), List.of("tT"));
    }

    @Test
    void commasInsideReferencesFunctionCallsAndQuotesDoNotSeparate() {
        var raw = ArgumentSplitter.split("${CUT(X,-,1)},\"a,b\",$[1 , 2],x(1,2)", ArgumentSyntax.arguments());

        assertThat(raw.slots()).containsExactly(List.of("${CUT(X,-,1)}"), List.of("a,b"), List.of("$[1 , 2]"),
                List.of("x(1,2)"));
    }

    @Test
    void backslashEscapesOutsideReferences() {
        var raw = ArgumentSplitter.split("a\\,b,c", ArgumentSyntax.arguments());

        assertThat(raw.slots()).containsExactly(List.of("a,b"), List.of("c"));
    }

    @Test
    void aListArgumentSplitsOnItsSeparatorAndSkipsEmptyItems() {
        var raw = ArgumentSplitter.split("SIP/a&&SIP/${EXTEN},20", ArgumentSyntax.arguments('&'));

        assertThat(raw.slots()).containsExactly(List.of("SIP/a", "SIP/${EXTEN}"), List.of("20"));
    }

    @Test
    void assignmentSplitsOnTheFirstEqualsOnly() {
        var raw = ArgumentSplitter.split("GREETING=a=b,c", ArgumentSyntax.assignment());

        assertThat(raw.slots()).containsExactly(List.of("GREETING"), List.of("a=b,c"));
    }

    @Test
    void conditionSplitsIntoConditionThenAndElseBranches() {
        var raw = ArgumentSplitter.split("$[${X} = 1]?ctx,100,1:200,1", ArgumentSyntax.condition());

        assertThat(raw.slots()).containsExactly(List.of("$[${X} = 1]"), List.of("ctx", "100", "1"),
                List.of("200", "1"));
        assertThat(raw.written()).containsExactly(true, true, true);
    }

    @Test
    void aConditionMayLackEitherBranch() {
        var onlyElse = ArgumentSplitter.split("${X}?:done", ArgumentSyntax.condition());
        var onlyThen = ArgumentSplitter.split("${X}?next", ArgumentSyntax.condition());

        assertThat(onlyElse.written()).containsExactly(true, false, true);
        assertThat(onlyThen.written()).containsExactly(true, true, false);
    }

    @Test
    void wholeKeepsEverything() {
        var raw = ArgumentSplitter.split("a, b & c", ArgumentSyntax.whole());

        assertThat(raw.slots()).containsExactly(List.of("a, b & c"));
    }

    @Test
    void subroutineArgumentsAreSplitAtLoad() {
        var raw = ArgumentSplitter.split("sub,s,1(${A},b)", ArgumentSyntax.subroutine());

        assertThat(raw.slots()).containsExactly(List.of("sub", "s", "1"), List.of("${A}", "b"));
    }

    @Test
    void conditionalSubroutineSplitsBothBranches() {
        var raw = ArgumentSplitter.split("${X}?sub,s,1(${A}):other,1", ArgumentSyntax.conditionalSubroutine());

        assertThat(raw.slots()).containsExactly(List.of("${X}"), List.of("sub", "s", "1"), List.of("${A}"),
                List.of("other", "1"), List.of());
        assertThat(raw.written()).containsExactly(true, true, true, true, false);
    }
}
