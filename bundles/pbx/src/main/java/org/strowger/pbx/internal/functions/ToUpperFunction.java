package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** TOUPPER(text): upper case. */
@Component(property = DialplanFunction.NAME_PROPERTY + "=TOUPPER")
public class ToUpperFunction implements DialplanFunction {

    @Override
    public String description() {
        return "TOUPPER(text): upper case.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        return Arguments.joined(arguments).toUpperCase(java.util.Locale.ROOT);
    }
}
