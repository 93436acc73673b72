package org.strowger.pbx.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.DialplanAdmin.Registration;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanFunction;
import org.strowger.pbx.internal.apps.Sounds;

/** What dialplan:applications and dialplan:functions are built from: the registry's listings. */
class DialplanRegistryTest {

    private final DialplanRegistry registry = new DialplanRegistry();

    private static DialplanApplication application(String description) {
        return new DialplanApplication() {
            @Override
            public String description() {
                return description;
            }

            @Override
            public ApplicationResult execute(org.strowger.pbx.DialplanCall call, org.strowger.pbx.Arguments arguments) {
                return ApplicationResult.CONTINUE;
            }
        };
    }

    private static DialplanFunction function(String description) {
        return new DialplanFunction() {
            @Override
            public String read(org.strowger.pbx.DialplanCall call, List<String> arguments) {
                return "";
            }

            @Override
            public String description() {
                return description;
            }
        };
    }

    @Test
    void applicationsAreListedByNameIgnoringCaseWithDescriptionAndBundle() {
        registry.addApplication("wait", application("Wait(seconds)"), "strowger-pbx");
        registry.addApplication("Hello", application("Hello([name])"), "org.strowger.examples.hello");
        registry.addApplication("Answer", application("Answer()"), "strowger-pbx");

        assertThat(registry.applications()).containsExactly(
                new Registration("Answer", "Answer()", "strowger-pbx"),
                new Registration("Hello", "Hello([name])", "org.strowger.examples.hello"),
                new Registration("wait", "Wait(seconds)", "strowger-pbx"));
    }

    @Test
    void functionsAreListedByNameWithTheirDescription() {
        registry.addFunction("REVERSE", function("REVERSE(text)"), "org.strowger.examples.hello");
        registry.addFunction("LEN", function("LEN(text)"), "strowger-pbx");

        assertThat(registry.functions()).extracting(Registration::name).containsExactly("LEN", "REVERSE");
        assertThat(registry.functions().get(1).bundle()).isEqualTo("org.strowger.examples.hello");
    }

    @Test
    void theSecondRegistrationOfANameIsNeitherUsedNorListed() {
        DialplanApplication first = application("first");
        registry.addApplication("Hello", first, "a.bundle");
        registry.addApplication("HELLO", application("second"), "b.bundle");

        assertThat(registry.applications()).containsExactly(new Registration("Hello", "first", "a.bundle"));
        assertThat(registry.application("hello")).containsSame(first);
    }

    @Test
    void aWithdrawnServiceLeavesTheListingButAnotherOfTheSameNameDoesNotTakeItsPlace() {
        DialplanApplication hello = application("hello");
        registry.addApplication("Hello", hello, "a.bundle");
        registry.removeApplication("Hello", application("impostor"));
        assertThat(registry.applications()).hasSize(1);

        registry.removeApplication("Hello", hello);
        DialplanFunction reverse = function("reverse");
        registry.addFunction("REVERSE", reverse, "a.bundle");
        registry.removeFunction("REVERSE", reverse);

        assertThat(registry.applications()).isEmpty();
        assertThat(registry.functions()).isEmpty();
        assertThat(registry.application("Hello")).isEmpty();
    }

    @Test
    void aDescriptionThatThrowsOrIsNullDoesNotBreakTheListing() {
        registry.addApplication("Broken", new DialplanApplication() {
            @Override
            public String description() {
                throw new IllegalStateException("not ready");
            }

            @Override
            public ApplicationResult execute(org.strowger.pbx.DialplanCall call, org.strowger.pbx.Arguments arguments) {
                return ApplicationResult.CONTINUE;
            }
        }, "x.bundle");
        registry.addApplication("Silent", application(null), null);

        assertThat(registry.applications()).containsExactly(
                new Registration("Broken", "(no description: java.lang.IllegalStateException: not ready)", "x.bundle"),
                new Registration("Silent", "", ""));
    }

    @Test
    void everyBuiltInApplicationAndFunctionHasAOneLineDescription() {
        PbxFixture.applications(new Sounds(Path.of("src/test/resources/sounds"), "en"))
                .forEach(registry::addApplication);
        PbxFixture.functions().forEach(registry::addFunction);

        assertThat(registry.applications()).isNotEmpty()
                .allSatisfy(app -> assertThat(app.description()).as(app.name()).isNotBlank().doesNotContain("\n"));
        assertThat(registry.functions()).isNotEmpty()
                .allSatisfy(fn -> assertThat(fn.description()).as(fn.name()).isNotBlank().doesNotContain("\n"));
    }
}
