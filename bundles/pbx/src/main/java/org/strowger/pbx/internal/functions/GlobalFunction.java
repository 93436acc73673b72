package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** GLOBAL(name): a global variable; Set(GLOBAL(name)=value) writes it. */
@Component(property = DialplanFunction.NAME_PROPERTY + "=GLOBAL")
public class GlobalFunction implements DialplanFunction {

    @Override
    public String description() {
        return "GLOBAL(name): read or write a global variable.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        return call.global(name(arguments)).orElse("");
    }

    @Override
    public void write(DialplanCall call, List<String> arguments, String value) {
        call.setGlobal(name(arguments), value);
    }

    private static String name(List<String> arguments) {
        if (arguments.isEmpty() || arguments.get(0).isBlank()) {
            throw new IllegalArgumentException("GLOBAL needs a variable name");
        }
        return arguments.get(0).trim();
    }
}
