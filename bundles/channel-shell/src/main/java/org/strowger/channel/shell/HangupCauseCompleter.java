package org.strowger.channel.shell;

import java.util.Arrays;
import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.strowger.channel.HangupCause;

/** Completes hangup cause names, whatever case the operator started typing in. */
@Service
public class HangupCauseCompleter implements Completer {

    private final StringsCompleter names = new StringsCompleter(
            Arrays.stream(HangupCause.values()).map(Enum::name).toList(), false);

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        return names.complete(session, commandLine, candidates);
    }
}
