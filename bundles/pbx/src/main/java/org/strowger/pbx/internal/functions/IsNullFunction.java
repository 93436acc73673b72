package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** ISNULL(text): 1 when empty, else 0. */
@Component(property = DialplanFunction.NAME_PROPERTY + "=ISNULL")
public class IsNullFunction implements DialplanFunction {

    @Override
    public String description() {
        return "ISNULL(text): 1 when empty, else 0.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        return Arguments.joined(arguments).isEmpty() ? "1" : "0";
    }
}
