package org.strowger.pbx.internal.apps;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.internal.engine.CallScope;

/** Set(name=value): a channel variable, {@code _}/{@code __} for inheritance, or a function write ({@code FUNC(args)=v}). */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Set")
public class SetApp implements DialplanApplication {

    @Override
    public String description() {
        return "Sets a variable or writes a function: Set(NAME=value), Set(FUNC(args)=value).";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.assignment();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        if (!arguments.has(1)) {
            throw new IllegalArgumentException("Set needs NAME=value, got '" + arguments.source() + "'");
        }
        // built-in: the engine's own call scope knows the functions that can be written
        ((CallScope) call).assign(arguments.get(0), arguments.get(1));
        return ApplicationResult.CONTINUE;
    }
}
