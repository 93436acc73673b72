package org.strowger.pbx.internal.value;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Malformed expressions fail when they compile, saying what is wrong and where (1-based column).
 * References never change an expression's structure, so expressions with references fail at
 * compile time too; expressions without any are also computed then, so their operand errors show.
 */
class ExpressionSyntaxTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "$[1 +]            | Expected an operand after '+', found the end of the expression (at column 6)",
        "$[(1]             | Missing ')' to close '(' at column 3, found the end of the expression (at column 5)",
        "$[1)]             | Unmatched ')' (at column 4)",
        "$[]               | Empty expression \"$[]\" (at column 1)",
        "$[   ]            | Empty expression \"$[]\" (at column 1)",
        "$[1 2]            | Expected an operator before '2' (at column 5)",
        "$[1 (2)]          | Expected an operator before '(' (at column 5)",
        "$[* 2]            | Expected an operand, found '*' (at column 3)",
        "$[1 ? 2]          | Missing '::' in the conditional started by '?' at column 5, found the end of the expression (at column 8)",
        "$[1 ? 2 : 3]      | Missing '::' in the conditional started by '?' at column 5, found the end of the expression (at column 12)",
        "$[1 :: 2]         | '::' without a '?' before it (at column 5)",
        "$[1, 2]           | ',' only separates function arguments (at column 4)",
        "$[LEN(1, 2]       | Missing ')' to close the arguments of LEN( at column 6, found the end of the expression (at column 11)",
        "$[LEN(1,)]        | Expected an operand after ',', found ')' (at column 9)",
        "$[SQRT(1, 2)]     | SQRT() takes 1 argument, not 2 (at column 3)",
        "$[POW(2)]         | POW() takes 2 arguments, not 1 (at column 3)",
        "$[1 + 1           | Unclosed \"$[\": missing \"]\" (at column 1)",
        "x $[1 + \"a]      | Unclosed '\"' in an expression: missing the closing quote (at column 9)",
        "$[a : \"(\"]      | Invalid regular expression \"(\": Unclosed group (at column 7)",
        "$[1 / 0]          | Division by zero: '1' / '0' in $[1 / 0] (at column 1)",
        "$[5 % 0]          | Division by zero: '5' % '0' in $[5 % 0] (at column 1)",
        "$[abc + 1]        | '+' needs two numbers, but got 'abc' + '1' in $[abc + 1] (at column 1)",
        "$[-abc]           | Unary '-' needs a number, but got 'abc' in $[-abc] (at column 1)",
        "$[SQRT(-1)]       | SQRT(-1) has no finite result in $[SQRT(-1)] (at column 1)",
        "$[LOG(0)]         | LOG(0) has no finite result in $[LOG(0)] (at column 1)",
        "$[SQRT(x)]        | SQRT() needs numbers, but argument 1 is 'x' in $[SQRT(x)] (at column 1)",
        "$[${A} +]         | Expected an operand after '+', found the end of the expression (at column 9)",
        "$[(${A}]          | Missing ')' to close '(' at column 3, found the end of the expression (at column 8)",
        "$[${A} ${B}]      | Expected an operator before '${B}' (at column 8)",
        "$[\"${A}\" \"x\"]   | Expected an operator before '\"x\"' (at column 10)",
        "ok $[$[1 +]]      | Expected an operand after '+', found the end of the expression (at column 11)",
        "${X:$[(]}         | Expected an operand after '(', found the end of the expression (at column 8)",
    })
    void reportsWhatIsWrongAndWhere(String text, String message) {
        assertThatThrownBy(() -> Templates.compile(text.strip()))
                .isInstanceOf(DialplanSyntaxException.class)
                .hasMessage(message);
    }
}
