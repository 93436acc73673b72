package org.strowger.pbx.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Load-time warnings about extensions that lookups never reach. */
class ShadowingWarningsTest {

    private static List<String> shadowing(String... lines) {
        return DialplanIndex.of(Plans.parse(lines)).shadowingWarnings();
    }

    @Test
    void aLocalPatternHidingAnIncludedExactExtensionIsWarnedAtThePattern() {
        assertThat(shadowing("[c]", "include => users", "exten => _X.,1,Dial(PJSIP/${EXTEN})",
                "[users]", "exten => 100,1,Dial(PJSIP/alice)", "exten => *98,1,VoiceMailMain()"))
                .containsExactly("extensions.conf:3: warning: pattern '_X.' in context [c] hides extension '100'"
                        + " (extensions.conf:5) of included context [users]: context [c] searches its own extensions"
                        + " before its includes, so it is never reached; move the pattern into a context included"
                        + " after [users]");
    }

    @Test
    void aPatternOfAnEarlierIncludeHidesExtensionsOfALaterOne() {
        assertThat(shadowing("[c]", "include => a", "include => b",
                "[a]", "exten => _1XX,1,NoOp()",
                "[b]", "exten => 100,1,NoOp()", "exten => _1X.,1,NoOp()", "exten => 200,1,NoOp()"))
                .containsExactly("extensions.conf:5: warning: pattern '_1XX' in context [a] hides extension '100'"
                        + " (extensions.conf:7) of included context [b]: from [c], [a] is searched before [b], so it is"
                        + " never reached; move the pattern into a context included after [b]");
    }

    @Test
    void overridingALiteralOrOverlappingWithoutCoveringIsNotWarned() {
        assertThat(shadowing("[c]", "include => d", "exten => 100,1,NoOp(local override)", "exten => _1XX,1,NoOp()",
                "[d]", "exten => 100,1,NoOp()", "exten => _1X.,1,NoOp()", "exten => _[12]XX,1,NoOp()")).isEmpty();
    }

    @Test
    void anOverrideInAnEarlierIncludeIsNotBlamedOnALaterPattern() {
        assertThat(shadowing("[c]", "include => overrides", "include => patterns", "include => users",
                "[overrides]", "exten => 100,1,NoOp()",
                "[patterns]", "exten => _1XX,1,NoOp()",
                "[users]", "exten => 100,1,NoOp()", "exten => 101,1,NoOp()"))
                .singleElement().asString().contains("hides extension '101' (extensions.conf:11)");
    }

    @Test
    void aPatternWithoutPriorityOneOrWithACallerIdMatchHidesNothing() {
        assertThat(shadowing("[c]", "include => d", "exten => _X.,2,NoOp()", "exten => _X./555,1,NoOp()",
                "[d]", "exten => 100,1,NoOp()")).isEmpty();
    }

    @Test
    void manyHiddenExtensionsAreSummarisedInOneWarning() {
        assertThat(shadowing("[c]", "include => d", "exten => _X.,1,NoOp()",
                "[d]", "exten => 100,1,NoOp()", "exten => 101,1,NoOp()", "exten => 102,1,NoOp()",
                "exten => 103,1,NoOp()", "exten => 104,1,NoOp()"))
                .singleElement().asString()
                .contains("hides 5 extensions '100' (extensions.conf:5), '101' (extensions.conf:6),"
                        + " '102' (extensions.conf:7) and 2 more of included context [d]");
    }

    @Test
    void theSameHidingIsReportedOnceEvenWhenReachedFromSeveralContexts() {
        assertThat(shadowing("[top]", "include => c", "[c]", "include => d", "exten => _X.,1,NoOp()",
                "[d]", "exten => 100,1,NoOp()")).hasSize(1);
    }

    @Test
    void catchAllPatternsThatAnswerForHIAndTAreWarned() {
        assertThat(shadowing("[c]", "exten => _.,1,NoOp()", "exten => h,1,Hangup()"))
                .containsExactly("extensions.conf:2: warning: pattern '_.' in context [c] also matches the special"
                        + " extensions 'i' (invalid), 't' (timeout), so it runs in their place; use '_X.' or define them");
        assertThat(shadowing("[c]", "exten => _[a-z],1,NoOp()", "exten => i,1,NoOp()", "exten => t,1,NoOp()"))
                .containsExactly("extensions.conf:2: warning: pattern '_[a-z]' in context [c] also matches the special"
                        + " extension 'h' (hangup), so it runs in its place; use '_X.' or define it");
        assertThat(shadowing("[c]", "exten => _X.,1,NoOp()", "exten => _[0-9a]!,1,NoOp()")).isEmpty();
    }
}
