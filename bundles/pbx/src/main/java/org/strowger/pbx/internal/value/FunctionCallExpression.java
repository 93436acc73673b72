package org.strowger.pbx.internal.value;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code NAME(a, b)} inside an expression: a {@link MathFunction} when the name is one (these
 * shadow dialplan functions of the same name, as in Asterisk), otherwise the dialplan function,
 * given each argument's value as one string.
 */
final class FunctionCallExpression implements Expression {

    private final String name;
    private final List<Expression> arguments;
    private final MathFunction builtIn;

    /** {@code builtIn} is null for a dialplan function. */
    FunctionCallExpression(String name, List<Expression> arguments, MathFunction builtIn) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.builtIn = builtIn;
    }

    @Override
    public String evaluate(Scope scope) {
        List<String> values = new ArrayList<>(arguments.size());
        for (Expression argument : arguments) {
            values.add(argument.evaluate(scope));
        }
        if (builtIn != null) {
            return builtIn.apply(values);
        }
        String result = scope.function(name, List.copyOf(values));
        return result == null ? "" : result;
    }
}
