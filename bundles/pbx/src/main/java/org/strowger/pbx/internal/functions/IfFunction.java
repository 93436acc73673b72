package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;
import org.strowger.pbx.internal.value.Truth;

/** IF(condition?true-value:false-value). */
@Component(property = DialplanFunction.NAME_PROPERTY + "=IF")
public class IfFunction implements DialplanFunction {

    @Override
    public String description() {
        return "IF(condition?true-value:false-value).";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        // the ? and : were not split at load (they are one function argument): split here, once
        String text = Arguments.joined(arguments);
        int question = text.indexOf('?');
        if (question < 0) {
            throw new IllegalArgumentException("IF needs condition?value[:value], got '" + text + "'");
        }
        String branches = text.substring(question + 1);
        int colon = branches.indexOf(':');
        String whenTrue = colon < 0 ? branches : branches.substring(0, colon);
        String whenFalse = colon < 0 ? "" : branches.substring(colon + 1);
        return Truth.isTrue(text.substring(0, question)) ? whenTrue : whenFalse;
    }
}
