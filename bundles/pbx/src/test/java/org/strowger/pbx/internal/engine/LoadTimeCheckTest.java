package org.strowger.pbx.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.pbx.internal.apps.Sounds;
import org.strowger.pbx.internal.config.Diagnostic;
import org.strowger.pbx.internal.config.ExtensionsConfParser;
import org.strowger.pbx.internal.config.Severity;

class LoadTimeCheckTest {

    private final DialplanRegistry registry = new DialplanRegistry();

    LoadTimeCheckTest() {
        PbxFixture.applications(new Sounds(java.nio.file.Path.of("src/test/resources/sounds"), "en"))
                .forEach(registry::addApplication);
    }

    private List<Diagnostic> check(String text) {
        return CompiledDialplan.of(ExtensionsConfParser.parse(text, "extensions.conf")).check(registry);
    }

    @Test
    void gotoTargetsThatCannotExistAreErrorsWithTheirLine() {
        List<Diagnostic> problems = check("""
                [internal]
                exten => 100,1,Goto(nowhere,1,1)
                 same => n,Goto(200,7)
                 same => n,GotoIf($[1]?missing-label:300,1)
                 same => n,Gosub(sub,s,1(a))
                exten => 200,1,NoOp()
                exten => 300,1,NoOp()
                [sub]
                exten => s,1,Return()
                """);

        assertThat(problems).allMatch(problem -> problem.severity() == Severity.ERROR);
        assertThat(problems).extracting(problem -> problem.at().line() + ": " + problem.message()).containsExactly(
                "2: Goto(nowhere,1,1): no context 'nowhere'",
                "3: Goto(200,7): no priority 7 of '200' in context 'internal'",
                "4: GotoIf($[1]?missing-label:300,1): no label 'missing-label' in '100@internal'");
    }

    @Test
    void destinationsBuiltFromVariablesAreLeftToRunTime() {
        assertThat(check("""
                [internal]
                exten => 100,1,Goto(${TARGET},1)
                 same => n,Goto(+2)
                """)).isEmpty();
    }

    @Test
    void unknownApplicationsAreWarnings() {
        assertThat(check("""
                [internal]
                exten => 100,1,Frobnicate(x)
                """)).singleElement().satisfies(problem -> {
                    assertThat(problem.severity()).isEqualTo(Severity.WARNING);
                    assertThat(problem.message()).contains("unknown application 'Frobnicate'");
                });
    }
}
