package org.strowger.channel.shell;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.channel.ChannelService;
import org.strowger.channel.status.StatusContributor;

@Command(scope = "strowger", name = "status",
        description = "Shows the platform at a glance: version and uptime, live channels, calls now and calls"
                + " processed since start, the channel technologies, each driver's summary (SIP endpoints,"
                + " registrations and dialogs; mISDN ports; parked calls) and the lock-order validator.")
@Service
public class StatusCommand implements Action {

    @Reference
    ChannelService channels;

    /** Every StatusContributor registered when the command runs; bundles may come and go. */
    @Reference(optional = true)
    List<StatusContributor> contributors;

    @Override
    public Object execute() {
        print(System.out, Clock.systemUTC());
        return null;
    }

    void print(PrintStream out, Clock clock) {
        List<StatusContributor> present = contributors == null ? List.of() : List.copyOf(contributors);
        out.print(new StatusReport(channels, present, clock.instant()).render());
        out.flush();
    }
}
