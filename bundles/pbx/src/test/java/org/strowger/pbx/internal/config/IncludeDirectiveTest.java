package org.strowger.pbx.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dialplans split over several files with #include and #tryinclude. */
class IncludeDirectiveTest {

    @TempDir
    Path dir;

    private static Path sample() throws URISyntaxException {
        return Path.of(IncludeDirectiveTest.class.getResource("/config/sample/extensions.conf").toURI());
    }

    private Path write(String name, String... lines) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", lines));
        return file;
    }

    private static List<String> errors(Path file) {
        DialplanLoadException e = catchThrowableOfType(() -> ExtensionsConfParser.parse(file), DialplanLoadException.class);
        assertThat(e).as("the load fails").isNotNull();
        return e.errors().stream().map(Diagnostic::toString).toList();
    }

    @Test
    void theSampleLoadsEveryFileInIncludeAndGlobOrder() throws Exception {
        ParsedDialplan plan = ExtensionsConfParser.parse(sample());
        assertThat(plan.diagnostics()).isEmpty();
        assertThat(plan.contexts().keySet()).containsExactly("users", "operator", "outbound", "from-internal");
        assertThat(plan.globals()).containsEntry("TRUNK", "PJSIP/provider").containsEntry("OPERATOR", "PJSIP/reception");
        assertThat(plan.general()).isEqualTo(GeneralSettings.defaults());
    }

    @Test
    void locationsNameTheIncludedFileRelativeToTheTopFile() throws Exception {
        ParsedDialplan plan = ExtensionsConfParser.parse(sample());
        ContextDef users = plan.contexts().get("users");
        assertThat(users.priorities()).extracting(l -> l.at().toString()).containsExactly(
                "contexts/10-users.conf:3", "contexts/10-users.conf:7", "contexts/10-users.conf:8",
                "contexts/10-users.conf:9", "contexts/10-users.conf:10");
        assertThat(users.hints()).extracting(h -> h.at().toString()).containsExactly("contexts/10-users.conf:6");
        assertThat(plan.contexts().get("operator").priorities().get(0).at())
                .hasToString("contexts/shared/operator.conf:2");
        assertThat(plan.contexts().get("from-internal").priorities().get(0).at()).hasToString("extensions.conf:14");
    }

    @Test
    void theSampleAnswersLookupsAcrossItsFiles() throws Exception {
        DialplanIndex index = DialplanIndex.of(ExtensionsConfParser.parse(sample()));
        assertThat(index.find("from-internal", "101", 2, null)).get()
                .extracting(PriorityLine::application, PriorityLine::data).containsExactly("VoiceMail", "101@default,u");
        assertThat(index.find("from-internal", "92125551234", 1, null)).get()
                .extracting(PriorityLine::extension).isEqualTo("_9NXXNXXXXXX");
        assertThat(index.find("from-internal", "555", 1, null)).isEmpty();
        assertThat(index.exists("users", "i", null)).isTrue();
        assertThat(index.exists("from-internal", "i", null)).as("i comes through the include of users").isTrue();
        assertThat(index.shadowingWarnings()).isEmpty();
    }

    @Test
    void anIncludedFileContinuesTheOpenSectionAndTheIncluderContinuesItsLastSection() throws IOException {
        write("lines.conf", "exten => 1,1,NoOp(from lines)");
        write("next.conf", "[d]", "exten => 9,1,NoOp()");
        Path top = write("top.conf",
                "[c]",
                "#include lines.conf",
                "exten => 2,1,NoOp()",
                "#include next.conf",
                "exten => 3,1,NoOp(lands in d)");
        ParsedDialplan plan = parseOrFail(top);
        assertThat(plan.contexts().get("c").priorities()).extracting(PriorityLine::extension).containsExactly("1", "2");
        assertThat(plan.contexts().get("d").priorities()).extracting(PriorityLine::extension).containsExactly("9", "3");
    }

    @Test
    void theSameFileMayBeIncludedTwiceWhenItIsNotACycle() throws IOException {
        write("common.conf", "exten => h,1,Hangup()");
        Path top = write("top.conf", "[a]", "#include common.conf", "[b]", "#include common.conf");
        ParsedDialplan plan = parseOrFail(top);
        assertThat(plan.contexts().get("a").priorities()).hasSize(1);
        assertThat(plan.contexts().get("b").priorities()).hasSize(1);
    }

    @Test
    void aMissingIncludeIsAnErrorAndAMissingTryincludeIsNot() throws IOException {
        Path top = write("top.conf", "[c]", "#tryinclude \"optional.conf\"", "#tryinclude opt/*.conf", "#include \"nope.conf\"");
        assertThat(errors(top)).containsExactly("top.conf:4: #include \"nope.conf\": no such file ("
                + dir.resolve("nope.conf") + "); use #tryinclude for an optional file");
    }

    @Test
    void aGlobThatMatchesNothingIsAnErrorForInclude() throws IOException {
        Path top = write("top.conf", "#include \"conf.d/*.conf\"");
        assertThat(errors(top)).containsExactly("top.conf:1: #include \"conf.d/*.conf\" matches no file in " + dir
                + "; use #tryinclude if the files are optional");
    }

    @Test
    void anIncludeCycleIsAnError() throws IOException {
        write("a.conf", "[c]", "#include b.conf");
        write("b.conf", "exten => 1,1,NoOp()", "#include a.conf");
        assertThat(errors(dir.resolve("a.conf")))
                .containsExactly("b.conf:2: #include cycle: a.conf -> b.conf -> a.conf again; a file cannot include itself");
    }

    @Test
    void atMostTenFilesMayBeNested() throws IOException {
        for (int i = 0; i < 10; i++) {
            write("f" + i + ".conf", i == 0 ? "[c]" : "exten => " + i + ",1,NoOp()", "#include f" + (i + 1) + ".conf");
        }
        write("f10.conf", "exten => 10,1,NoOp()");
        assertThat(errors(dir.resolve("f0.conf"))).containsExactly("f9.conf:2: #include of 'f10.conf' nests deeper than"
                + " 10 files (f0.conf -> f1.conf -> f2.conf -> f3.conf -> f4.conf -> f5.conf -> f6.conf -> f7.conf"
                + " -> f8.conf -> f9.conf); flatten the includes");
        write("f9.conf", "exten => 9,1,NoOp()");
        assertThat(parseOrFail(dir.resolve("f0.conf")).contexts().get("c").priorities()).hasSize(9);
    }

    @Test
    void errorsInIncludedFilesNameThatFileAndComeInReadingOrder() throws IOException {
        write("sub/bad.conf", "[d]", "exten => 1,x,NoOp()", "nonsense");
        Path top = write("top.conf", "[c]", "exten => 1,1,Dial(", "#include sub/bad.conf", "[e]", "exten => 2,n,NoOp()");
        assertThat(errors(top)).containsExactly(
                "top.conf:2: 'Dial(' has no closing ')' for the arguments of Dial",
                "top.conf:5: priority 'n' on the first line of a section of [e] has no line to continue from;"
                        + " give a number, e.g. 1",
                "sub/bad.conf:2: priority 'x' is not a number, 'n', 's', 'hint' or a label of this extension",
                "sub/bad.conf:3: expected 'key => value', a [section] header or a #directive, found 'nonsense'");
    }

    @Test
    void includesResolveRelativeToTheIncludingFile() throws IOException {
        write("sub/inner/leaf.conf", "exten => 1,1,NoOp(leaf)");
        write("sub/middle.conf", "#include inner/leaf.conf");
        Path top = write("top.conf", "[c]", "#include sub/middle.conf");
        assertThat(parseOrFail(top).contexts().get("c").priorities()).extracting(l -> l.at().toString())
                .containsExactly("sub/inner/leaf.conf:1");
    }

    @Test
    void anUnreadableOrUndecodableTopFileIsAnError() throws IOException {
        assertThat(errors(dir.resolve("absent.conf"))).singleElement().asString().startsWith("absent.conf:0: cannot read");
        Path latin1 = dir.resolve("latin1.conf");
        Files.write(latin1, "[c]\nexten => 1,1,Playback(caf\u00e9)\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(errors(latin1)).containsExactly("latin1.conf:0: the file is not valid UTF-8 text");
    }

    @Test
    void warningsOfAFileLoadAreInTheDiagnostics() throws IOException {
        Path top = write("top.conf", "[c]", "include => missing");
        assertThat(parseOrFail(top).diagnostics()).extracting(Diagnostic::toString)
                .containsExactly("top.conf:2: warning: included context 'missing' does not exist; lookups skip it");
    }

    private static ParsedDialplan parseOrFail(Path file) {
        try {
            return ExtensionsConfParser.parse(file);
        } catch (DialplanLoadException e) {
            throw new AssertionError(e.getMessage(), e);
        }
    }
}
