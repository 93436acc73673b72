package org.strowger.pbx.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.pbx.DialplanAdmin;

@Command(scope = "dialplan", name = "applications",
        description = "Lists the dialplan applications registered now, with their bundle (like core show applications);"
                + " one by its name in full.")
@Service
public class ApplicationsCommand implements Action {

    @Reference
    DialplanAdmin dialplan;

    @Argument(index = 0, name = "name", description = "an application's name, a prefix, or a glob (* and ?); case is ignored",
            required = false)
    String filter;

    @Override
    public Object execute() {
        Registrations.print(System.out, "application", dialplan.applications(), filter);
        return null;
    }
}
