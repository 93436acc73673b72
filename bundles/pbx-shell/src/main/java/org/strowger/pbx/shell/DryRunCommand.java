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
        NumberInContext number = NumberInContext.parse(target);
        dialplan.dryRun(number.extension(), number.context(), callerId).forEach(System.out::println);
        return null;
    }
}
