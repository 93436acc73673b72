package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** LEN(text): the number of characters. */
@Component(property = DialplanFunction.NAME_PROPERTY + "=LEN")
public class LenFunction implements DialplanFunction {

    @Override
    public String description() {
        return "LEN(text): the number of characters.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        return Integer.toString(Arguments.joined(arguments).length());
    }
}
