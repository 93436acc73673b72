package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** CUT(variable-name,delimiter,field[-field]): fields of a variable's value (from 1). */
@Component(property = DialplanFunction.NAME_PROPERTY + "=CUT")
public class CutFunction implements DialplanFunction {

    @Override
    public String description() {
        return "CUT(variable-name,delimiter,field[-field]): fields of a variable's value (from 1).";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        if (arguments.size() < 3) {
            throw new IllegalArgumentException("CUT needs variable,delimiter,fields");
        }
        String value = call.variable(arguments.get(0)).orElse("");
        String delimiter = arguments.get(1).isEmpty() ? "-" : arguments.get(1).substring(0, 1);
        List<String> fields = List.of(value.split(java.util.regex.Pattern.quote(delimiter), -1));
        StringBuilder result = new StringBuilder();
        for (String range : arguments.get(2).split("&")) {
            int dash = range.indexOf('-');
            int from = Integer.parseInt(dash < 0 ? range.trim() : range.substring(0, dash).trim().isEmpty() ? "1" : range.substring(0, dash).trim());
            int to = dash < 0 ? from : range.substring(dash + 1).trim().isEmpty() ? fields.size() : Integer.parseInt(range.substring(dash + 1).trim());
            for (int i = from; i <= Math.min(to, fields.size()); i++) {
                if (result.length() > 0) {
                    result.append(delimiter);
                }
                result.append(fields.get(i - 1));
            }
        }
        return result.toString();
    }
}
