package org.strowger.pbx.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.pbx.DialplanAdmin.Registration;

/** What dialplan:applications and dialplan:functions print: aligned columns, filters, one in full. */
class RegistrationsTest {

    private static final List<Registration> APPLICATIONS = List.of(
            new Registration("Answer", "Answer([delay]): answers the call", "strowger-pbx"),
            new Registration("Gosub", "Gosub([[context,]exten,]priority[(args)]): calls a subroutine",
                    "strowger-pbx"),
            new Registration("GotoIf", "GotoIf(condition?[then][:else])", "strowger-pbx"),
            new Registration("Hello", "Hello([name]): sets HELLO to a greeting\nThe name defaults to the caller's.",
                    "org.strowger.examples.hello"),
            new Registration("Mystery", "", ""));

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private List<String> printed() {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    @Test
    void everyApplicationIsOneRowWithNameFirstLineOfDescriptionAndBundle() {
        Registrations.print(out, "application", APPLICATIONS, null);

        List<String> lines = printed();
        assertThat(lines).hasSize(7);
        assertThat(lines.get(0)).startsWith("Name").contains("Description").endsWith("Bundle");
        assertThat(lines.get(1)).startsWith("Answer ").contains("Answer([delay]): answers the call")
                .endsWith(" strowger-pbx");
        assertThat(lines.get(4)).startsWith("Hello ").contains("Hello([name]): sets HELLO to a greeting ...")
                .doesNotContain("defaults").endsWith("org.strowger.examples.hello");
        assertThat(lines.get(5)).startsWith("Mystery").endsWith(" -");
        int bundleColumn = lines.get(0).indexOf("Bundle");
        assertThat(lines.subList(1, 6)).extracting(line -> line.substring(bundleColumn)).containsExactly(
                "strowger-pbx", "strowger-pbx", "strowger-pbx", "org.strowger.examples.hello", "-");
        assertThat(lines.get(6)).isEqualTo("5 applications");
    }

    @Test
    void aFilterWithoutWildcardsIsAPrefixIgnoringCase() {
        Registrations.print(out, "application", APPLICATIONS, "go");

        assertThat(printed()).extracting(line -> line.split(" ")[0])
                .containsExactly("Name", "Gosub", "GotoIf", "2");
        assertThat(printed()).last().isEqualTo("2 of 5 applications match 'go'");
    }

    @Test
    void aFilterWithStarOrQuestionMarkIsAGlob() {
        Registrations.print(out, "application", APPLICATIONS, "*l?");

        assertThat(printed()).extracting(line -> line.split(" ")[0]).containsExactly("Name", "Hello", "1");
    }

    @Test
    void anExactNameShowsThatOneInFullWithEveryLineOfItsDescription() {
        Registrations.print(out, "application", APPLICATIONS, "hello");

        assertThat(printed()).containsExactly(
                "Application  Hello",
                "Bundle       org.strowger.examples.hello",
                "Description  Hello([name]): sets HELLO to a greeting",
                "             The name defaults to the caller's.");
    }

    @Test
    void aFunctionWithoutDescriptionOrBundleShowsDashes() {
        Registrations.print(out, "function", List.of(new Registration("SECRET", "", "")), "SECRET");

        assertThat(printed()).containsExactly("Function     SECRET", "Bundle       -", "Description  -");
    }

    @Test
    void nothingMatchingSaysWhatWasAsked() {
        Registrations.print(out, "function", List.of(new Registration("LEN", "LEN(text)", "strowger-pbx")), "X*");

        assertThat(printed()).containsExactly("No functions match 'X*'");
    }

    @Test
    void anEmptyRegistrySaysSo() {
        Registrations.print(out, "function", List.of(), null);

        assertThat(printed()).containsExactly("No functions are registered");
    }

    @Test
    void regexCharactersInAGlobAreLiteral() {
        Registrations.print(out, "function", List.of(new Registration("A.B", "", ""),
                new Registration("AXB", "", "")), "A.*");

        assertThat(printed()).extracting(line -> line.split(" ")[0]).containsExactly("Name", "A.B", "1");
    }
}
