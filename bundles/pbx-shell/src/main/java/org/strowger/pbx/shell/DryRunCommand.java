package org.strowger.pbx.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.pbx.DialplanAdmin;

@Command(scope = "dialplan", name = "test",
        description = "Dry run: walks a number through the dialplan without a call and shows each step.")
@Service
public class DryRunCommand implements Action {

    @Reference
    DialplanAdmin dialplan;

    @Argument(index = 0, name = "exten@context", description = "the number dialled and the context", required = true)
    String target;

    @Option(name = "-c", aliases = "--callerid", description = "the caller's number, for caller-ID matches")
    String callerId;

    @Override
    public Object execute() {
        int at = target.indexOf('@');
        if (at <= 0 || at == target.length() - 1) {
            throw new IllegalArgumentException("give the number and the context as exten@context, got '" + target + "'");
        }
        dialplan.dryRun(target.substring(0, at), target.substring(at + 1), callerId).forEach(System.out::println);
        return null;
    }
}
