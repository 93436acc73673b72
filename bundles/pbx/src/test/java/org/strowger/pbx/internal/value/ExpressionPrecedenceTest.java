package org.strowger.pbx.internal.value;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The precedence table of dialplan.md §3.3, lowest first: ?:: | &amp; comparisons + - * / % unary
 * (: =~ ~~) (). Each row would give a different result under the neighbouring grouping.
 */
class ExpressionPrecedenceTest {

    private String eval(String expression) throws DialplanSyntaxException {
        return Templates.compile("$[" + expression + "]").evaluate(new FakeScope());
    }

    @ParameterizedTest(name = "$[{0}] = ''{1}''  ({2})")
    @CsvSource(delimiterString = "=>", emptyValue = "", value = {
        // ternary is lowest and right-associative
        "0 | 0 ? y :: n               => n    => (0|0) ? y :: n",
        "1 ? a :: 0 ? b :: c          => a    => 1 ? a :: (0 ? b :: c)",
        "0 ? a :: 0 ? b :: c          => c    => 0 ? a :: (0 ? b :: c)",
        "0 ? a :: 1 ? b :: c          => b    => 0 ? a :: (1 ? b :: c)",
        "1 ? 0 ? x :: y :: z          => y    => middle operand is a full expression",
        "1 ? 2 + 3 :: 4               => 5    => arithmetic inside a branch",
        // | below &
        "1 | 0 & 0                    => 1    => 1 | (0 & 0)",
        "0 & 1 | 1                    => 1    => (0 & 1) | 1",
        // & below comparisons
        "2 & 1 = 1                    => 2    => 2 & (1 = 1)",
        "1 = 1 & 0                    => 0    => (1 = 1) & 0",
        // | below comparisons
        "0 | 2 = 3                    => 0    => 0 | (2 = 3)",
        // comparisons below + -
        "1 + 1 = 2                    => 1    => (1 + 1) = 2",
        "2 = 1 + 1                    => 1    => 2 = (1 + 1)",
        "1 < 2 + 0                    => 1    => 1 < (2 + 0)",
        // comparisons are left-associative
        "3 > 2 > 1                    => 0    => (3 > 2) > 1",
        "1 < 2 < 3                    => 1    => (1 < 2) < 3",
        // + - below * / %
        "2 + 3 * 4                    => 14   => 2 + (3 * 4)",
        "2 * 3 + 4                    => 10   => (2 * 3) + 4",
        "10 - 4 / 2                   => 8    => 10 - (4 / 2)",
        "7 + 5 % 3                    => 9    => 7 + (5 % 3)",
        // left-associative within a level
        "10 - 4 - 3                   => 3    => (10 - 4) - 3",
        "100 / 10 / 5                 => 2    => (100 / 10) / 5",
        "2 * 5 % 3                    => 1    => (2 * 5) % 3",
        // unary above * /
        "!2 * 0                       => 0    => (!2) * 0",
        "!0 + 1                       => 2    => (!0) + 1",
        "!0 * 5                       => 5    => (!0) * 5",
        "2 * -3                       => -6   => prefix after a binary operator",
        // unary below : =~ ~~ (as in Asterisk's grammar)
        "-1 : 1                       => -1   => -(1 : 1)",
        "!abc : b                     => 1    => !(abc : b) = !0",
        "!0 ~~ 0                      => 1    => !(0 ~~ 0) = !00",
        // : =~ ~~ above * and +
        "2 * 12 ~~ 3                  => 246  => 2 * (12 ~~ 3)",
        "1 + 12 ~~ 3                  => 124  => 1 + (12 ~~ 3)",
        "abc : a ~~ b                 => 1b   => (abc : a) ~~ b, one level, left first",
        "abcd =~ b ~~ 0               => 10   => (abcd =~ b) ~~ 0",
        "ab ~~ cd : abc               => 3    => (ab ~~ cd) : abc",
        "abc : -1                     => 0    => abc : (-1)",
        // parentheses are highest
        "(2 + 3) * 4                  => 20   => grouping",
        "2 * (3 + 4)                  => 14   => grouping",
        "-(2 - 5)                     => 3    => grouping under unary",
        "(1 | 0) & 0                  => 0    => grouping",
        "((((7))))                    => 7    => deep grouping",
        "(1 ? a :: b) ~~ c            => ac   => ternary in parentheses",
        "1 ~~ (2 + 3)                 => 15   => grouping under ~~",
    })
    void groupsAsTheTableSays(String expression, String expected, String why) throws Exception {
        assertThat(eval(expression)).as(why).isEqualTo(expected);
    }
}
