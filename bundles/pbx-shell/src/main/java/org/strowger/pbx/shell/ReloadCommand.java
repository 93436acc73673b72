package org.strowger.pbx.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.pbx.DialplanAdmin;

@Command(scope = "dialplan", name = "reload",
        description = "Re-reads extensions.conf; on errors the running dialplan stays in use. Live calls pick up"
                + " the new dialplan at their next step.")
@Service
public class ReloadCommand implements Action {

    @Reference
    DialplanAdmin dialplan;

    @Override
    public Object execute() {
        DialplanAdmin.ReloadResult result = dialplan.reload();
        result.warnings().forEach(warning -> System.out.println("WARNING: " + warning));
        if (!result.loaded()) {
            result.errors().forEach(error -> System.out.println("ERROR: " + error));
            throw new IllegalStateException("Dialplan not reloaded: " + result.errors().size()
                    + " error(s) in " + result.file() + "; the previous dialplan stays in use");
        }
        System.out.println("Dialplan reloaded: " + result.contexts() + " contexts, " + result.extensions()
                + " extensions, " + result.priorities() + " priorities from " + result.file());
        return null;
    }
}
