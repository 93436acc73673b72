package org.strowger.pbx.internal.apps;


import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Does nothing; its argument is still substituted, so function side effects happen and it shows in traces. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=NoOp")
public class NoOpApp implements DialplanApplication {

    @Override
    public String description() {
        return "Does nothing; its argument is still substituted, so function side effects happen and it shows in traces.";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.whole();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        return ApplicationResult.CONTINUE;
    }
}
