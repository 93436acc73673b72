package org.strowger.pbx.internal.value;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed references fail when they compile, saying what is missing and where (1-based column). */
class TemplateSyntaxTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "${X                  | Unclosed \"${\": missing \"}\" (at column 1)",
        "Dial(PJSIP/${EXTEN)  | Unclosed \"${\": missing \"}\" (at column 12)",
        "${A${B}              | Unclosed \"${\": missing \"}\" (at column 1)",
        "${A${B}x             | Unclosed \"${\": missing \"}\" (at column 1)",
        "a ${X:1              | Unclosed \"${\": missing \"}\" (at column 3)",
        "${X:1:2              | Unclosed \"${\": missing \"}\" (at column 1)",
        "${X:${Y}             | Unclosed \"${\": missing \"}\" (at column 1)",
        "${}                  | Empty variable name in \"${}\"; write ${NAME} (at column 1)",
        "${:1}                | Empty variable name in \"${}\"; write ${NAME} (at column 1)",
        "${X:}                | Missing substring offset after ':' (at column 5)",
        "${X::2}              | Missing substring offset after ':' (at column 5)",
        "${X:1:}              | Missing substring length after ':' (at column 7)",
        "${X:a}               | The substring offset 'a' is not an integer (at column 5)",
        "${X:1:2.5}           | The substring length '2.5' is not an integer (at column 7)",
        "${X:1:2:3}           | Too many ':' in a reference; write ${NAME:offset} or ${NAME:offset:length} (at column 8)",
        "${LEN(abc}           | Missing ')' to close the arguments of LEN( (at column 6)",
        "${LEN(abc            | Missing ')' to close the arguments of LEN( (at column 6)",
        "${LEN(a,(b)          | Missing ')' to close the arguments of LEN( (at column 6)",
        "${LEN(\"a)}          | Unclosed '\"' in the arguments of LEN(: missing the closing quote (at column 7)",
        "${LEN(a)x}           | Expected ':' or '}' after the arguments, found 'x' in the reference opened at column 1 (at column 9)",
        "${LEN(a)             | Unclosed \"${\": missing \"}\" (at column 1)",
        "${${F}(a)}           | A function name must be written out, not computed: '${F}' (at column 3)",
        "${A-B(a)}            | 'A-B' is not a valid function name (at column 3)",
        "${(a)}               | '' is not a valid function name (at column 3)",
        "x$[1 + 1             | Unclosed \"$[\": missing \"]\" (at column 2)",
        "${X:$[1 +]}          | Expected an operand after '+', found the end of the expression (at column 10)",
    })
    void reportsWhatIsMissingAndWhere(String text, String message) {
        assertThatThrownBy(() -> Templates.compile(text.strip()))
                .isInstanceOf(DialplanSyntaxException.class)
                .hasMessage(message);
    }

    @Test
    void columnIsAlsoAvailableZeroBased() {
        assertThatThrownBy(() -> Templates.compile("abc ${X"))
                .isInstanceOfSatisfying(DialplanSyntaxException.class, e -> assertThat(e.column()).isEqualTo(4));
    }
}
