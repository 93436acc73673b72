package org.strowger.channel.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.channel.ChannelService;

@Command(scope = "strowger", name = "locks",
        description = "Shows what the lock-order validator has seen: its mode, lock classes, order edges,"
                + " violations and core calls refused because a lock was held.")
@Service
public class LocksCommand implements Action {

    @Reference
    ChannelService channels;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        out.print(new LockStatisticsReport(channels.lockStatistics()).render());
        out.flush();
    }
}
