package org.strowger.pbx.internal.apps;


import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Jumps to [[context,]extension,]priority; the priority may be a label or +N/-N. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Goto")
public class GotoApp implements DialplanApplication {

    @Override
    public String description() {
        return "Jumps to [[context,]extension,]priority; the priority may be a label or +N/-N.";
    }

    @Override
    public ArgumentSyntax syntax() {
        return ArgumentSyntax.arguments();
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) throws InterruptedException {
        return Destinations.jump(Destinations.all(arguments));
    }
}
