package org.strowger.pbx.internal.apps;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.DialplanLocation;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.internal.engine.CallScope;

/**
 * Gosub([[context,]extension,]priority[(arg1,...)]): calls a subroutine; Return comes back to the
 * next priority. ARG1..n and ARGC are local to the subroutine.
 */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Gosub")
public class GosubApp implements DialplanApplication {

    @Override
    public String description() {
        return "Calls a dialplan subroutine with arguments; Return() comes back.";
    }

    @Override
    public ArgumentSyntax syntax() {
        // the subroutine's arguments are split at load: a value can never add one
        return ArgumentSyntax.subroutine();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        return call(call, arguments.list(0), arguments.list(1));
    }

    /** Shared with GosubIf. */
    static ApplicationResult call(DialplanCall call, List<String> destination, List<String> subroutineArguments) {
        ApplicationResult jump = Destinations.jump(destination);
        CallScope scope = (CallScope) call;
        DialplanLocation here = call.location();
        scope.pushGosub(new DialplanLocation(here.context(), here.extension(), here.priority() + 1));
        scope.makeLocal("ARGC");
        call.setVariable("ARGC", Integer.toString(subroutineArguments.size()));
        // blank the caller's extra ARGn so the subroutine never sees them
        for (int i = 1; i <= Math.max(subroutineArguments.size(), 9); i++) {
            scope.makeLocal("ARG" + i);
            call.setVariable("ARG" + i, i <= subroutineArguments.size() ? subroutineArguments.get(i - 1) : null);
        }
        return jump;
    }
}
