package org.strowger.pbx.internal.value;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ${FUNC(a,b)}}, optionally with a substring {@code ${FUNC(a,b):off:len}}. The arguments
 * were split when the text was compiled; each is evaluated on its own and handed over as one
 * string, so a value containing a comma stays one argument. {@code FUNC()} passes no argument.
 */
record FunctionReference(String source, String name, List<Template> arguments, Substring substring)
        implements Template {

    FunctionReference {
        arguments = List.copyOf(arguments);
    }

    @Override
    public String evaluate(Scope scope) {
        List<String> values = new ArrayList<>(arguments.size());
        for (Template argument : arguments) {
            values.add(argument.evaluate(scope));
        }
        String result = scope.function(name, List.copyOf(values));
        return substring.apply(result == null ? "" : result, scope, source);
    }

    @Override
    public boolean isLiteral() {
        return false;
    }
}
