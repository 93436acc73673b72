package org.strowger.pbx.internal.apps;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.DialplanLocation;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.internal.engine.CallScope;

/** Return([value]): back from a Gosub, restoring the caller's locals; GOSUB_RETVAL holds the value. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Return")
public class ReturnApp implements DialplanApplication {

    @Override
    public String description() {
        return "Returns from a Gosub subroutine, setting GOSUB_RETVAL.";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.whole();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        DialplanLocation back = ((CallScope) call).popGosub().orElseThrow(() ->
                new IllegalStateException("Return without a Gosub"));
        call.setVariable("GOSUB_RETVAL", arguments.get(0));
        return ApplicationResult.jump(back.context(), back.extension(), Integer.toString(back.priority()));
    }
}
