package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** EXCEPTION(reason|context|exten|priority): why and where the call went to the e extension. */
@Component(property = DialplanFunction.NAME_PROPERTY + "=EXCEPTION")
public class ExceptionFunction implements DialplanFunction {

    @Override
    public String description() {
        return "EXCEPTION(reason): why the call is in the e extension.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        String field = arguments.isEmpty() ? "reason" : arguments.get(0).trim().toLowerCase(java.util.Locale.ROOT);
        if (!field.equals("reason")) {
            throw new IllegalArgumentException("EXCEPTION supports reason only, got '" + field + "'");
        }
        return call.variable("EXCEPTION").orElse("");
    }
}
