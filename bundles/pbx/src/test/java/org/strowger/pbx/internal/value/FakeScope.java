package org.strowger.pbx.internal.value;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A scope with a map of variables and a few functions. Every function call is recorded.
 * ARGS shows how its arguments arrived: ARGS(a,b) gives "[a][b]".
 */
final class FakeScope implements Scope {

    private final Map<String, String> variables = new HashMap<>();
    final List<String> calls = new ArrayList<>();
    final List<String> lookups = new ArrayList<>();

    FakeScope set(String name, String value) {
        variables.put(name, value);
        return this;
    }

    @Override
    public Optional<String> variable(String name) {
        lookups.add(name);
        return Optional.ofNullable(variables.get(name));
    }

    @Override
    public String function(String name, List<String> arguments) {
        calls.add(name + arguments);
        switch (name) {
            case "ARGS":
                return arguments.stream().map(a -> "[" + a + "]").reduce("", String::concat);
            case "LEN":
                return String.valueOf(arguments.isEmpty() ? 0 : arguments.get(0).length());
            case "TOUPPER":
                return arguments.get(0).toUpperCase();
            case "ECHO":
                return String.join(",", arguments);
            default:
                throw new DialplanEvaluationException("No such function " + name);
        }
    }
}
