package org.strowger.pbx.internal.apps;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.internal.value.Truth;

/** GotoIf(condition?[destination][:destination]): a missing branch falls through to the next priority. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=GotoIf")
public class GotoIfApp implements DialplanApplication {

    @Override
    public String description() {
        return "Jumps to the first destination when the condition is true, else to the second.";
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
        return Destinations.jump(arguments.list(branch));
    }
}
