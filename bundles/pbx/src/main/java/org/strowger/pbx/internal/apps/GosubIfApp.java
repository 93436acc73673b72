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
        return ArgumentSyntax.condition();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        int branch = Truth.isTrue(arguments.get(0)) ? 1 : 2;
        if (!arguments.has(branch)) {
            return ApplicationResult.CONTINUE;
        }
        // a branch's subroutine arguments, if any, were split at load with the branch
        java.util.List<String> destination = new java.util.ArrayList<>(arguments.list(branch));
        String last = destination.get(destination.size() - 1);
        int open = last.indexOf('(');
        java.util.List<String> subroutineArguments = java.util.List.of();
        if (open >= 0 && last.endsWith(")")) {
            subroutineArguments = org.strowger.pbx.internal.engine.ArgumentSplitting.split(
                    last.substring(open + 1, last.length() - 1));
            destination.set(destination.size() - 1, last.substring(0, open));
        }
        return GosubApp.call(call, destination, subroutineArguments);
    }
}
