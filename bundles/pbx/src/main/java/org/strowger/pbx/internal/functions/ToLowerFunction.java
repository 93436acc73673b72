package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** TOLOWER(text): lower case. */
@Component(property = DialplanFunction.NAME_PROPERTY + "=TOLOWER")
public class ToLowerFunction implements DialplanFunction {

    @Override
    public String description() {
        return "TOLOWER(text): lower case.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        return Arguments.joined(arguments).toLowerCase(java.util.Locale.ROOT);
    }
}
