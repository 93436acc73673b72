package org.strowger.pbx.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.strowger.pbx.internal.config.Plans.context;
import static org.strowger.pbx.internal.config.Plans.errors;
import static org.strowger.pbx.internal.config.Plans.parse;
import static org.strowger.pbx.internal.config.Plans.warnings;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The dialplan loader: exten, same, priorities, labels, hints, include, ignorepat, switch. */
class DialplanLinesTest {

    private static List<PriorityLine> lines(String... text) {
        return context(parse(text), "c").priorities();
    }

    private static SourceLocation at(int line) {
        return new SourceLocation(Plans.FILE, line);
    }

    @Test
    void anExtenLineHasExtensionPriorityApplicationAndRawData() {
        assertThat(lines("[c]", "exten => 100,1,Dial(PJSIP/alice,30,tT)")).containsExactly(
                new PriorityLine("100", null, 1, null, "Dial", "PJSIP/alice,30,tT", at(2)));
    }

    @Test
    void theApplicationEndsAtTheFirstParenthesisAndTheDataAtTheLast() {
        assertThat(lines("[c]",
                "exten => 1,1,Set(X=$[(1+2)*3])",
                "exten => 1,2,Answer",
                "exten => 1,3,Answer()",
                "exten => 1,4, Playback (hello) ",
                "exten => 1,5,GotoIf($[\"${X}\" = \"9\"]?yes,1:no,1)"))
                .extracting(PriorityLine::application, PriorityLine::data)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("Set", "X=$[(1+2)*3]"),
                        org.assertj.core.groups.Tuple.tuple("Answer", ""),
                        org.assertj.core.groups.Tuple.tuple("Answer", ""),
                        org.assertj.core.groups.Tuple.tuple("Playback", "hello"),
                        org.assertj.core.groups.Tuple.tuple("GotoIf", "$[\"${X}\" = \"9\"]?yes,1:no,1"));
    }

    @Test
    void applicationMistakesAreErrorsAndTrailingTextAWarning() {
        assertThat(errors("[c]",
                "exten => 1,1,Dial(PJSIP/a",
                "exten => 1,2,",
                "exten => 1,3,(x)",
                "exten => 1,4,My App(x)",
                "exten => 1"))
                .containsExactly(
                        "extensions.conf:2: 'Dial(PJSIP/a' has no closing ')' for the arguments of Dial",
                        "extensions.conf:3: missing application; expected 'exten => EXTENSION,PRIORITY,Application(arguments)'",
                        "extensions.conf:4: missing application name before '(x)'",
                        "extensions.conf:5: application name 'My App' may contain only letters, digits and '_'",
                        "extensions.conf:6: expected 'exten => EXTENSION,PRIORITY,Application(arguments)', found no ','"
                                + " after '1'");
        assertThat(warnings("[c]", "exten => 1,1,NoOp(a) junk")).containsExactly(
                "extensions.conf:2: warning: text 'junk' after the closing ')' of NoOp is ignored");
    }

    @Test
    void theExtensionEndsAtTheFirstCommaOutsideBrackets() {
        assertThat(lines("[c]", "exten => _[1,2]X,1,NoOp()", "exten => a\\,b,1,NoOp()"))
                .extracting(PriorityLine::extension).containsExactly("_[1,2]X", "a,b");
        assertThat(errors("[c]", "exten => _[12,1,NoOp()")).containsExactly(
                "extensions.conf:2: extension '_[12,1,NoOp()' has a '[' without a closing ']'");
    }

    @Test
    void malformedExtensionNamesAreErrorsWithTheirLocation() {
        assertThat(errors("[c]", "exten => _1]2,1,NoOp()", "exten => ,1,NoOp()", "exten => " + "9".repeat(81) + ",1,NoOp()"))
                .containsExactly(
                        "extensions.conf:2: pattern '_1]2' has a ']' at position 3 without an opening '['; a pattern"
                                + " cannot contain a literal ']'",
                        "extensions.conf:3: missing extension before ','; expected e.g. 'exten => 100,1,Answer()'",
                        "extensions.conf:4: extension '" + "9".repeat(81) + "' is 81 characters long; at most 80 are allowed");
    }

    @Test
    void aCallerIdMatchFollowsASlashWithPhonePunctuationRemoved() {
        assertThat(lines("[c]",
                "exten => 100/(555) 123-4567,1,NoOp()",
                "exten => _X./_555[1-3]XX.,1,NoOp()",
                "exten => 100/,1,NoOp(no caller id)",
                "exten => 101,1,NoOp()"))
                .extracting(PriorityLine::callerIdMatch)
                .containsExactly("5551234567", "_555[1-3]XX.", "", null);
        assertThat(errors("[c]", "exten => 100/_5]5,1,NoOp()")).containsExactly("extensions.conf:2: caller-ID match:"
                + " pattern '_5]5' has a ']' at position 3 without an opening '['; a pattern cannot contain a literal ']'");
    }

    @Test
    void numericNextSameAndOffsetPrioritiesResolveFromThePreviousLine() {
        assertThat(lines("[c]",
                "exten => 1,1,NoOp()",
                "exten => 1,n,NoOp()",
                "exten => 1,next,NoOp()",
                "exten => 1,n+2,NoOp()",
                "exten => 1,s+1,NoOp()",
                "exten => 1,20,NoOp()",
                "exten => 1,same+1,NoOp()",
                "exten => 1,3+100,NoOp()"))
                .extracting(PriorityLine::priority).containsExactly(1, 2, 3, 6, 7, 20, 21, 103);
    }

    @Test
    void sameReusesTheExtensionAndCallerIdOfTheLastExtenLine() {
        assertThat(lines("[c]",
                "exten => 100/555,1,Answer()",
                " same => n,Playback(hello)",
                " same => n(done),Hangup()"))
                .containsExactly(
                        new PriorityLine("100", "555", 1, null, "Answer", "", at(2)),
                        new PriorityLine("100", "555", 2, null, "Playback", "hello", at(3)),
                        new PriorityLine("100", "555", 3, "done", "Hangup", "", at(4)));
    }

    @Test
    void labelsAreDefinedInParenthesesAndUsableAsPriorities() {
        assertThat(lines("[c]",
                "exten => 1,1(start),NoOp()",
                "exten => 1,n+1(retry),NoOp()",
                "exten => 1,start+5,NoOp()",
                "exten => 1,retry+1,NoOp()"))
                .extracting(PriorityLine::priority, PriorityLine::label)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, "start"),
                        org.assertj.core.groups.Tuple.tuple(3, "retry"),
                        org.assertj.core.groups.Tuple.tuple(6, null),
                        org.assertj.core.groups.Tuple.tuple(4, null));
    }

    @Test
    void anUnknownPriorityIsAnErrorWithTheDocumentedMessage() {
        assertThat(errors("[c]",
                "exten => 1,1(start),NoOp()",
                "exten => 2,start,NoOp()",
                "exten => 1,x,NoOp()",
                "exten => 1,N,NoOp()"))
                .containsExactly(
                        "extensions.conf:3: priority 'start' is not a number, 'n', 's', 'hint' or a label of this extension",
                        "extensions.conf:4: priority 'x' is not a number, 'n', 's', 'hint' or a label of this extension",
                        "extensions.conf:5: priority 'N' is not a number, 'n', 's', 'hint' or a label of this extension");
    }

    @Test
    void malformedPrioritiesAreErrors() {
        assertThat(errors("[c]",
                "exten => 1,0,NoOp()",
                "exten => 1,n(,NoOp()",
                "exten => 1,1(),NoOp()",
                "exten => 1,1(a)+1,NoOp()",
                "exten => 1,n+x,NoOp()",
                "exten => 1,,NoOp()",
                "exten => 1,-1,NoOp()",
                "exten => 1,99999999999,NoOp()"))
                .containsExactly(
                        "extensions.conf:2: priority '0' is out of range; priorities start at 1",
                        "extensions.conf:3: label in priority 'n(' has no closing ')'",
                        "extensions.conf:4: priority '1()' has an empty label '()'",
                        "extensions.conf:5: unexpected '+1' after the label in priority '1(a)+1'; an offset goes before"
                                + " the label, e.g. n+1(a)",
                        "extensions.conf:6: offset '+x' in priority 'n+x' is not a number",
                        "extensions.conf:7: missing priority; expected a number, 'n', 's', 'hint' or a label",
                        "extensions.conf:8: priority '-1' is not a number, 'n', 's', 'hint' or a label of this extension",
                        "extensions.conf:9: priority '99999999999' is out of range; priorities start at 1");
    }

    @Test
    void nOnTheFirstLineOfASectionIsAnError() {
        assertThat(errors("[c]", "exten => 1,n,NoOp()")).containsExactly(
                "extensions.conf:2: priority 'n' on the first line of a section of [c] has no line to continue from;"
                        + " give a number, e.g. 1");
        assertThat(errors("[a]", "exten => 1,1,NoOp()", "[c]", "exten => 2,s,NoOp()")).containsExactly(
                "extensions.conf:4: priority 's' on the first line of a section of [c] has no line to continue from;"
                        + " give a number, e.g. 1");
    }

    @Test
    void nContinuingFromADifferentExtensionWorksButIsWarned() {
        String[] text = {"[c]", "exten => 100,1,NoOp()", "exten => 100,n,NoOp()", "exten => 101,n,NoOp()"};
        assertThat(lines(text)).extracting(PriorityLine::extension, PriorityLine::priority).containsExactly(
                org.assertj.core.groups.Tuple.tuple("100", 1),
                org.assertj.core.groups.Tuple.tuple("100", 2),
                org.assertj.core.groups.Tuple.tuple("101", 3));
        assertThat(warnings(text)).containsExactly("extensions.conf:4: warning: priority 'n' continues from extension"
                + " '100' (extensions.conf:3), so '101' gets priority 3; give a number, or use 'same =>' for lines"
                + " of one extension");
    }

    @Test
    void hintsAreKeptApartFromPriorities() {
        ParsedDialplan plan = parse("[c]",
                "exten => 101,hint,PJSIP/alice&PJSIP/alice-mobile,CustomPresence:alice",
                "exten => 101,1,Dial(${HINT})");
        assertThat(context(plan, "c").hints()).containsExactly(
                new HintLine("101", "PJSIP/alice&PJSIP/alice-mobile,CustomPresence:alice", at(2)));
        assertThat(context(plan, "c").priorities()).extracting(PriorityLine::priority).containsExactly(1);
    }

    @Test
    void hintMistakesAreErrorsOrWarnings() {
        assertThat(errors("[c]",
                "exten => 101,hint,PJSIP/alice",
                "same => n,Dial(PJSIP/alice)",
                "exten => 102,hint,",
                "exten => 103,hint(x),PJSIP/x"))
                .containsExactly(
                        "extensions.conf:3: priority 'n' follows a hint line (extensions.conf:2), which has no number;"
                                + " give a number, e.g. 1",
                        "extensions.conf:4: hint for '102' names no device; expected e.g. 'exten => 102,hint,PJSIP/alice'",
                        "extensions.conf:5: a hint takes no offset or label: write 'hint' alone");
        assertThat(warnings("[c]", "exten => 101,hint,PJSIP/a", "exten => 101,hint,PJSIP/b", "exten => 102/5,hint,PJSIP/c"))
                .containsExactly(
                        "extensions.conf:3: warning: extension '101' already has a hint (extensions.conf:2); this one is ignored",
                        "extensions.conf:4: warning: the caller-ID match '/5' of a hint is ignored");
    }

    @Test
    void aRepeatedPriorityIsWarnedAndTheFirstWins() {
        String[] text = {"[c]", "exten => 1,1,NoOp(first)", "exten => 1-00,1,NoOp(x)", "exten => 1,1,NoOp(second)"};
        assertThat(lines(text)).extracting(PriorityLine::data).containsExactly("first", "x");
        assertThat(warnings(text)).containsExactly("extensions.conf:4: warning: extension '1' already has priority 1"
                + " (extensions.conf:2); this line is ignored, the first one wins");
    }

    @Test
    void namesThatMatchTheSameStringsAreOneExtension() {
        assertThat(warnings("[c]", "exten => 100,1,NoOp()", "exten => 1-00,1,NoOp()")).singleElement().asString()
                .contains("extension '1-00' already has priority 1 (extensions.conf:2)");
        assertThat(warnings("[c]", "exten => 100/555,1,NoOp()", "exten => 100,1,NoOp()")).isEmpty();
    }

    @Test
    void aRepeatedLabelIsWarnedAndDroppedFromTheLaterLine() {
        String[] text = {"[c]", "exten => 1,1(a),NoOp()", "same => n(a),NoOp()"};
        assertThat(lines(text)).extracting(PriorityLine::label).containsExactly("a", null);
        assertThat(warnings(text)).containsExactly("extensions.conf:3: warning: label 'a' is already used by priority 1"
                + " of extension '1' (extensions.conf:2); this line keeps priority 2 without the label");
    }

    @Test
    void catchAllPatternsAreWarnedOncePerExtension() {
        assertThat(warnings("[c]", "exten => _.,1,NoOp()", "same => n,NoOp()", "exten => _.,3,NoOp()", "exten => _!,1,NoOp()"))
                .containsExactly(
                        "extensions.conf:2: warning: extension '_.' matches everything, including the special extensions"
                                + " h, i and t (hangup, invalid, timeout), which it then swallows; use '_X.' instead",
                        "extensions.conf:5: warning: extension '_!' matches everything, including the special extensions"
                                + " h, i and t (hangup, invalid, timeout), which it then swallows; use '_X.' instead");
    }

    @Test
    void includesKeepTheirTimeWindowRawAndDuplicatesAreDropped() {
        ParsedDialplan plan = parse("[c]",
                "include => day,9:00-17:00,mon-fri,*,*",
                "include => night",
                "include => night",
                "[day]", "[night]");
        assertThat(context(plan, "c").includes()).containsExactly(
                new IncludeLine("day", "9:00-17:00,mon-fri,*,*", at(2)),
                new IncludeLine("night", null, at(3)));
        assertThat(plan.diagnostics()).extracting(Diagnostic::toString).containsExactly(
                "extensions.conf:4: warning: context 'night' is already included (extensions.conf:3); this include is ignored");
    }

    @Test
    void includesOfMissingContextsAreWarnedWithAHint() {
        assertThat(warnings("[tpl](!)", "[Sales]", "[c]", "include => later", "include => nowhere", "include => tpl",
                "include => sales", "include => c", "[later]"))
                .containsExactly(
                        "extensions.conf:5: warning: included context 'nowhere' does not exist; lookups skip it",
                        "extensions.conf:6: warning: included context 'tpl' does not exist; [tpl] is a template (!),"
                                + " which is not a context",
                        "extensions.conf:7: warning: included context 'sales' does not exist; context names are"
                                + " case-sensitive, did you mean 'Sales'?",
                        "extensions.conf:8: warning: context [c] includes itself; the include is never searched");
        assertThat(errors("[c]", "include => ,9:00-17:00")).containsExactly(
                "extensions.conf:2: include names no context; expected 'include => other-context'");
    }

    @Test
    void ignorePatternsAreKeptInFileOrder() {
        ParsedDialplan plan = parse("[c]", "ignorepat => 9", "ignorepat => 8", "ignorepat => 9");
        assertThat(context(plan, "c").ignorePatterns()).containsExactly("9", "8");
        assertThat(plan.diagnostics()).singleElement().asString().contains("ignore pattern '9' is already defined");
    }

    @Test
    void switchesAndAutohintsAreWarnedAsUnsupportedAndUnknownKeywordsAreErrors() {
        assertThat(warnings("[c]", "switch => IAX2/user:pass@host/ctx", "lswitch => DUNDi/e164", "autohints = yes"))
                .containsExactly(
                        "extensions.conf:2: warning: 'switch => IAX2/user:pass@host/ctx' is not supported and is ignored;"
                                + " lookups it would answer fail",
                        "extensions.conf:3: warning: 'lswitch => DUNDi/e164' is not supported and is ignored;"
                                + " lookups it would answer fail",
                        "extensions.conf:4: warning: autohints is not supported and is ignored; write"
                                + " 'exten => EXT,hint,DEVICE' lines instead");
        assertThat(errors("[c]", "exen => 1,1,NoOp()")).containsExactly("extensions.conf:2: unknown keyword 'exen' in"
                + " context [c]; expected exten, same, include, ignorepat or switch");
    }

    @Test
    void everyErrorIsReportedAtOnceInTheExceptionMessage() {
        assertThatThrownBy(() -> parse("[c]", "exten => 1,x,NoOp()", "exten => 2,1,Dial(", "bogus"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(String.join(System.lineSeparator(),
                        "the dialplan was not loaded: 3 errors",
                        "  extensions.conf:2: priority 'x' is not a number, 'n', 's', 'hint' or a label of this extension",
                        "  extensions.conf:3: 'Dial(' has no closing ')' for the arguments of Dial",
                        "  extensions.conf:4: expected 'key => value', a [section] header or a #directive, found 'bogus'"));
    }

    @Test
    void theLoadExceptionCarriesErrorsAndWarningsSeparately() {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(
                () -> parse("[c]", "exten => _.,1,NoOp()", "exten => 1,x,NoOp()"));
        DialplanLoadException load = (DialplanLoadException) thrown.getCause();
        assertThat(load.errors()).extracting(Diagnostic::severity).containsExactly(Severity.ERROR);
        assertThat(load.errors().get(0).at()).isEqualTo(at(3));
        assertThat(load.warnings()).extracting(Diagnostic::severity).containsExactly(Severity.WARNING);
    }
}
