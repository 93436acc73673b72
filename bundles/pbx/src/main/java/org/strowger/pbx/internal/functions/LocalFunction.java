package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;
import org.strowger.pbx.internal.engine.CallScope;

/** LOCAL(name): a variable local to the current Gosub level; its caller's value comes back on Return. */
@Component(property = DialplanFunction.NAME_PROPERTY + "=LOCAL")
public class LocalFunction implements DialplanFunction {

    @Override
    public String description() {
        return "LOCAL(name): a variable that lives until the current Gosub returns.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        return call.variable(name(arguments)).orElse("");
    }

    @Override
    public void write(DialplanCall call, List<String> arguments, String value) {
        String name = name(arguments);
        if (!((CallScope) call).makeLocal(name)) {
            throw new IllegalArgumentException("LOCAL(" + name + ") outside a Gosub");
        }
        call.setVariable(name, value);
    }

    private static String name(List<String> arguments) {
        if (arguments.isEmpty() || arguments.get(0).isBlank()) {
            throw new IllegalArgumentException("LOCAL needs a variable name");
        }
        return arguments.get(0).trim();
    }
}
