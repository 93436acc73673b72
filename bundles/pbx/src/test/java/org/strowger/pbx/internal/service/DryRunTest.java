package org.strowger.pbx.internal.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.pbx.internal.config.ExtensionsConfParser;
import org.strowger.pbx.internal.engine.CompiledDialplan;

class DryRunTest {

    private static List<String> walk(String text, String exten, String context) {
        return DryRun.walk(CompiledDialplan.of(ExtensionsConfParser.parse(text, "extensions.conf")), exten, context, "");
    }

    @Test
    void followsPrioritiesGotosAndGosubsUntilTheCallEnds() {
        List<String> lines = walk("""
                [internal]
                exten => _1XX,1,NoOp(start)
                 same => n,Gosub(sub,s,1)
                 same => n,Goto(done)
                 same => n(done),Hangup()
                [sub]
                exten => s,1,Return()
                """, "123", "internal");

        assertThat(lines).containsExactly(
                "Dry run of '123' in 'internal':",
                "  [123@internal:1] NoOp(start)  (matched '_1XX')  [extensions.conf:2]",
                "  [123@internal:2] Gosub(sub,s,1)  (matched '_1XX')  [extensions.conf:3]",
                "  [s@sub:1] Return()  [extensions.conf:7]",
                "  [123@internal:3] Goto(done)  (matched '_1XX')  [extensions.conf:4]",
                "  [123@internal:4] Hangup()  (matched '_1XX')  [extensions.conf:5]",
                "  the call ends here");
    }

    @Test
    void saysWhereTheRunTimeDecides() {
        assertThat(walk("""
                [internal]
                exten => 100,1,GotoIf($[${X} = 1]?200,1)
                """, "100", "internal")).last().asString().contains("depends on the caller");
    }

    @Test
    void aNumberWithNoExtensionGoesToI() {
        assertThat(walk("""
                [internal]
                exten => 100,1,NoOp()
                exten => i,1,Hangup()
                """, "999", "internal")).last().asString().contains("(it does)");
    }

    @Test
    void aLoopIsShownOnceAndNamed() {
        List<String> lines = walk("""
                [load]
                exten => 9600,1,Answer()
                 same => n(echo),Echo()
                 same => n,Goto(echo)
                """, "9600", "load");

        assertThat(lines).hasSize(5);
        assertThat(lines.get(4)).isEqualTo("  back at [9600@load:2]: the steps repeat until the caller hangs up or a condition changes");
    }
}
