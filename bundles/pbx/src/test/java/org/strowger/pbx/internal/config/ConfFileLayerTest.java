package org.strowger.pbx.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.pbx.internal.config.Plans.context;
import static org.strowger.pbx.internal.config.Plans.errors;
import static org.strowger.pbx.internal.config.Plans.parse;
import static org.strowger.pbx.internal.config.Plans.warnings;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The .conf file layer: sections, templates, lines, comments, directives. */
class ConfFileLayerTest {

    private static List<String> data(ParsedDialplan plan, String context) {
        return context(plan, context).priorities().stream().map(PriorityLine::data).toList();
    }

    @Test
    void semicolonStartsACommentAndBackslashSemicolonIsALiteral() {
        ParsedDialplan plan = parse(
                "[c] ; the context",
                "; a whole-line comment",
                "exten => 1,1,Verbose(a\\;b) ; trailing comment");
        assertThat(data(plan, "c")).containsExactly("a;b");
        assertThat(errors("[c]", "exten => 1,1,NoOp(;)")).containsExactly(
                "extensions.conf:2: 'NoOp(' has no closing ')' for the arguments of NoOp");
    }

    @Test
    void blockCommentsSpanLinesNestAndKeepTheTextAroundThem() {
        ParsedDialplan plan = parse(
                "[c]",
                "exten => 1,1,NoOp(before) ;-- a block",
                "exten => 1,2,NoOp(hidden)",
                "  ;-- nested --; still hidden",
                "exten => 1,3,NoOp(hidden)",
                "--; exten => 1,4,NoOp(after)",
                "exten => 1,5,NoOp(x) ;-- inline --;",
                ";---------- a ruler is a line comment, not a block",
                "exten => 1,6,NoOp(last)");
        assertThat(context(plan, "c").priorities()).extracting(PriorityLine::priority).containsExactly(1, 4, 5, 6);
        assertThat(data(plan, "c")).containsExactly("before", "after", "x", "last");
    }

    @Test
    void anUnclosedBlockCommentIsAnErrorAtItsStart() {
        assertThat(errors("[c]", "exten => 1,1,NoOp()", ";-- forgot to close", "exten => 1,2,NoOp()"))
                .containsExactly("extensions.conf:3: block comment ';--' is never closed with '--;'"
                        + " (everything after it in extensions.conf was ignored)");
    }

    @Test
    void aUtf8ByteOrderMarkOnTheFirstLineIsSkipped() {
        ParsedDialplan plan = parse("\uFEFF[c]", "exten => 1,1,Answer()");
        assertThat(plan.contexts()).containsOnlyKeys("c");
    }

    @Test
    void windowsLineEndingsAreAccepted() {
        ParsedDialplan plan = ExtensionsConfParser.parse("[c]\r\nexten => 1,1,Answer()\r\nsame => n,Hangup()\r\n", "w.conf");
        assertThat(context(plan, "c").priorities()).extracting(PriorityLine::application)
                .containsExactly("Answer", "Hangup");
        assertThat(context(plan, "c").priorities().get(1).at()).hasToString("w.conf:3");
    }

    @Test
    void linesEndAtCrLfCrOrLfAsWithTheRegexSplit() {
        for (String text : List.of("", "a", "a\n", "a\r\nb", "a\rb\r", "\r\n\r\n", "a\n\rb", "a\r\r\nb\n\n", "\n")) {
            assertThat(ConfFileReader.lines(text)).as(text.replace("\r", "CR").replace("\n", "LF"))
                    .containsExactly(text.split("\r\n|\r|\n", -1));
        }
        ParsedDialplan plan = ExtensionsConfParser.parse("[c]\rexten => 1,1,Answer()\n\r\nsame => n,Hangup()", "m.conf");
        assertThat(context(plan, "c").priorities().get(1).at()).hasToString("m.conf:4");
    }

    @Test
    void equalsAndArrowAreTheSameAndKeysIgnoreCase() {
        ParsedDialplan plan = parse(
                "[c]",
                "exten = 1,1,NoOp(a)",
                "EXTEN => 1,2,NoOp(b)",
                "Same => n,NoOp(c)",
                "Include => d",
                "[d]");
        assertThat(data(plan, "c")).containsExactly("a", "b", "c");
        assertThat(context(plan, "c").includes()).extracting(IncludeLine::context).containsExactly("d");
    }

    @Test
    void plusEqualsAppendsToTheLastLineWithThatKey() {
        ParsedDialplan plan = parse(
                "[globals]",
                "DEVICES=PJSIP/alice",
                "DEVICES+=&PJSIP/bob",
                "[c]",
                "exten => 1,1,Dial(PJSIP/a",
                "exten += &PJSIP/b)");
        assertThat(plan.globals()).containsEntry("DEVICES", "PJSIP/alice&PJSIP/bob");
        assertThat(data(plan, "c")).containsExactly("PJSIP/a&PJSIP/b");
        assertThat(context(plan, "c").priorities().get(0).at()).hasToString("extensions.conf:5");
    }

    @Test
    void contextNamesAreCaseSensitiveButGeneralAndGlobalsAreNot() {
        ParsedDialplan plan = parse(
                "[GENERAL]", "autofallthrough=no",
                "[Globals]", "A=1",
                "[Sales]", "exten => 1,1,NoOp()",
                "[sales]", "exten => 1,1,NoOp()");
        assertThat(plan.contexts()).containsOnlyKeys("Sales", "sales");
        assertThat(plan.general().autoFallthrough()).isFalse();
        assertThat(plan.globals()).containsEntry("A", "1");
    }

    @Test
    void aTemplateIsNotAContextAndItsLinesComeBeforeTheSectionsOwn() {
        ParsedDialplan plan = parse(
                "[base](!)",
                "exten => h,1,NoOp(from base)",
                "[more](!)",
                "include => shared",
                "[office](base,more)",
                "exten => 100,1,NoOp(own)",
                "[shared]");
        assertThat(plan.contexts()).containsOnlyKeys("office", "shared");
        ContextDef office = context(plan, "office");
        assertThat(office.priorities()).extracting(PriorityLine::extension).containsExactly("h", "100");
        assertThat(office.priorities().get(0).at()).hasToString("extensions.conf:2");
        assertThat(office.includes()).extracting(IncludeLine::context).containsExactly("shared");
    }

    @Test
    void aTemplateCanItselfUseATemplate() {
        ParsedDialplan plan = parse(
                "[a](!)", "exten => 1,1,NoOp(a)",
                "[b](!,a)", "exten => 2,1,NoOp(b)",
                "[c](b)", "exten => 3,1,NoOp(c)");
        assertThat(data(plan, "c")).containsExactly("a", "b", "c");
    }

    @Test
    void plusAppendsToAnExistingSectionWithoutResettingTheContinuation() {
        ParsedDialplan plan = parse(
                "[c]", "exten => 1,1,NoOp(a)",
                "[other]",
                "[c](+)", "same => n,NoOp(b)");
        assertThat(context(plan, "c").priorities()).extracting(PriorityLine::priority).containsExactly(1, 2);
        assertThat(warnings("[c]", "[c](+)")).isEmpty();
    }

    @Test
    void aSectionDefinedTwiceIsMergedWithAWarningAndContinuationRestarts() {
        String[] lines = {"[c]", "exten => 1,1,NoOp(a)", "[c]", "exten => 1,2,NoOp(b)"};
        assertThat(data(parse(lines), "c")).containsExactly("a", "b");
        assertThat(warnings(lines)).containsExactly(
                "extensions.conf:3: warning: section [c] is defined again (first at extensions.conf:1); both are merged into one");
        assertThat(errors("[c]", "exten => 1,1,NoOp()", "[c]", "same => n,NoOp()"))
                .containsExactly("extensions.conf:4: 'same =>' needs an 'exten =>' line above it in this section of [c]");
    }

    @Test
    void sectionHeaderMistakesAreErrors() {
        assertThat(errors("[c", "exten => 1,1,NoOp()")).containsExactly("extensions.conf:1: section header '[c' has no closing ']'");
        assertThat(errors("[]")).containsExactly("extensions.conf:1: section header '[]' has no name");
        assertThat(errors("[c](missing)")).containsExactly(
                "extensions.conf:1: [c] uses template 'missing', which is not defined above this line");
        assertThat(errors("[c](+)")).containsExactly(
                "extensions.conf:1: [c](+) adds to a section that is not defined above it; drop the (+) to define it here");
        assertThat(errors("[c] junk")).containsExactly("extensions.conf:1: unexpected text 'junk' after [c];"
                + " section options go in parentheses right after the header, e.g. [c](!)");
        assertThat(errors("[c](!,)")).hasSize(1).first().asString().contains("empty option");
    }

    @Test
    void linesOutsideSectionsOrWithoutEqualsAreErrors() {
        assertThat(errors("exten => 1,1,NoOp()", "[c]", "exten 1,1,NoOp()", "= x")).containsExactly(
                "extensions.conf:1: 'exten' line is outside any section; put a [context] header above it",
                "extensions.conf:3: expected 'key => value', a [section] header or a #directive, found 'exten 1,1,NoOp()'",
                "extensions.conf:4: no key before '=' in '= x'");
    }

    @Test
    void includeDirectivesNeedAFileAndExecAndUnknownDirectivesAreRefused() {
        assertThat(errors("#include \"users.conf\"", "#tryinclude <x.conf>", "#exec /bin/date", "#define X", "#include"))
                .containsExactly(
                        "extensions.conf:1: #include \"users.conf\" cannot be followed in a dialplan given as text;"
                                + " load it from a file with ExtensionsConfParser.parse(Path)",
                        "extensions.conf:2: #tryinclude \"x.conf\" cannot be followed in a dialplan given as text;"
                                + " load it from a file with ExtensionsConfParser.parse(Path)",
                        "extensions.conf:3: #exec is not supported: it would run a program while the dialplan loads;"
                                + " #include a file instead",
                        "extensions.conf:4: unknown directive '#define'; expected #include or #tryinclude",
                        "extensions.conf:5: #include needs a file name, e.g. #include \"users.conf\"");
    }

    @Test
    void generalSettingsHaveAsterisksDefaults() {
        assertThat(parse("[c]").general()).isEqualTo(new GeneralSettings(true, false));
        assertThat(parse("[general]", "autofallthrough = off", "clearglobalvars = Yes").general())
                .isEqualTo(new GeneralSettings(false, true));
    }

    @Test
    void generalSettingsAreCheckedAndUnsupportedOnesWarned() {
        assertThat(errors("[general]", "autofallthrough = maybe"))
                .containsExactly("extensions.conf:2: autofallthrough = 'maybe' is not a yes/no value");
        assertThat(warnings("[general]", "static=yes", "writeprotect=no", "extenpatternmatchnew=yes", "colour=blue"))
                .containsExactly(
                        "extensions.conf:4: warning: extenpatternmatchnew is ignored: the sorted matcher is always used"
                                + " (the first matching extension that has the priority)",
                        "extensions.conf:5: warning: unknown [general] setting 'colour' is ignored; known: autofallthrough,"
                                + " clearglobalvars, static, writeprotect, extenpatternmatchnew");
    }

    @Test
    void globalsAreRawInFileOrderAndAllGlobalsSectionsMerge() {
        ParsedDialplan plan = parse(
                "[globals]", "TRUNK=PJSIP/provider", "OUT=${TRUNK}/${EXTEN}",
                "[c]",
                "[globals]", "ZED=last", "TRUNK=PJSIP/other");
        assertThat(plan.globals()).containsExactly(
                java.util.Map.entry("TRUNK", "PJSIP/other"),
                java.util.Map.entry("OUT", "${TRUNK}/${EXTEN}"),
                java.util.Map.entry("ZED", "last"));
        assertThat(plan.diagnostics()).isEmpty();
    }

    @Test
    void contextsKeepFileOrderAndEmptyContextsExist() {
        ParsedDialplan plan = parse("[zeta]", "[alpha]", "[mid]", "exten => 1,1,NoOp()");
        assertThat(plan.contexts().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(context(plan, "zeta").priorities()).isEmpty();
    }
}
