package org.strowger.pbx.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.pbx.DialplanAdmin;

@Command(scope = "dialplan", name = "show",
        description = "Shows the dialplan: everything, one context, or one extension (exten@context).")
@Service
public class ShowCommand implements Action {

    @Reference
    DialplanAdmin dialplan;

    @Argument(index = 0, name = "filter", description = "context, or extension@context", required = false)
    String filter;

    @Override
    public Object execute() {
        dialplan.show(filter).forEach(System.out::println);
        return null;
    }
}
