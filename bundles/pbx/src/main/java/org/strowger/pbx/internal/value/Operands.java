package org.strowger.pbx.internal.value;

/** Helpers shared by the expression operators: truth, quotes, booleans, display in messages. */
final class Operands {

    private Operands() {
    }

    /**
     * Truth inside an expression (for {@code |}, {@code &}, {@code !} and {@code ?::}): false for
     * "", for an empty quoted string {@code ""}, and for a number equal to zero ({@code 0},
     * {@code 0.0}, {@code -0}); true otherwise, so {@code 0.5} and {@code "0"} are true. This differs
     * from {@link Truth#isTrue}, the rule applications use on a finished value.
     */
    static boolean isTrue(String operand) {
        if (operand.isEmpty() || operand.equals("\"\"")) {
            return false;
        }
        return Numbers.parse(operand).map(number -> number.signum() != 0).orElse(true);
    }

    /** The operand without one pair of surrounding double quotes, if it has them. */
    static String unquote(String operand) {
        if (operand.length() >= 2 && operand.startsWith("\"") && operand.endsWith("\"")) {
            return operand.substring(1, operand.length() - 1);
        }
        return operand;
    }

    static String bool(boolean value) {
        return value ? "1" : "0";
    }

    /** An operand as an error message shows it. */
    static String display(String operand) {
        return "'" + operand + "'";
    }
}
