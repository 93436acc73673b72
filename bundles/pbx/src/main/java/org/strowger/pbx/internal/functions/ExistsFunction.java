package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** EXISTS(text): 1 when not empty, else 0. */
@Component(property = DialplanFunction.NAME_PROPERTY + "=EXISTS")
public class ExistsFunction implements DialplanFunction {

    @Override
    public String description() {
        return "EXISTS(text): 1 when not empty, else 0.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        return Arguments.joined(arguments).isEmpty() ? "0" : "1";
    }
}
