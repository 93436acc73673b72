package org.strowger.pbx.internal.apps;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.internal.engine.CallScope;

/** MSet(name1=value1,name2=value2,...): several Sets; values cannot contain commas. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=MSet")
public class MSetApp implements DialplanApplication {

    @Override
    public String description() {
        return "Sets several variables: MSet(A=1,B=2).";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        for (int i = 0; i < arguments.size(); i++) {
            String pair = arguments.get(i);
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("MSet needs NAME=value pairs, got '" + pair + "'");
            }
            ((CallScope) call).assign(pair.substring(0, equals), pair.substring(equals + 1));
        }
        return ApplicationResult.CONTINUE;
    }
}
