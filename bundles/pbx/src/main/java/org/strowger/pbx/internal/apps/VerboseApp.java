package org.strowger.pbx.internal.apps;


import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Writes a message to the log: Verbose([level,]message). */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Verbose")
public class VerboseApp implements DialplanApplication {

    @Override
    public String description() {
        return "Writes a message to the log: Verbose([level,]message).";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        int level = 0;
        String message = arguments.get(0);
        if (arguments.size() > 1) {
            try {
                level = Math.max(0, Math.min(4, Integer.parseInt(arguments.get(0).trim())));
            } catch (NumberFormatException e) {
                level = 0;
            }
            message = arguments.get(1);
        }
        call.verbose(level, message);
        return ApplicationResult.CONTINUE;
    }
}
