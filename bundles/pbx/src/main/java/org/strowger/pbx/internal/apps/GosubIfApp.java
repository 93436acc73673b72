package org.strowger.pbx.internal.apps;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.internal.value.Truth;

/** GosubIf(condition?[destination][:destination]): Gosub to the branch the condition picks. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=GosubIf")
public class GosubIfApp implements DialplanApplication {

    @Override
    public String description() {
        return "Calls the first subroutine when the condition is true, else the second.";
    }

    @Override
    public ArgumentSyntax syntax() {
        // both branches, with their subroutine arguments, are split at load
        return ArgumentSyntax.conditionalSubroutine();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        int destination = Truth.isTrue(arguments.get(0)) ? 1 : 3;
        if (!arguments.has(destination)) {
            return ApplicationResult.CONTINUE;
        }
        return GosubApp.call(call, arguments.list(destination), arguments.list(destination + 1));
    }
}
