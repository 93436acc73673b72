package org.strowger.channel.shell;

import java.io.PrintStream;
import java.time.Clock;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.channel.ChannelService;

@Command(scope = "strowger", name = "channels",
        description = "Lists the live channels: location in the dialplan, state, application, bridged peer and duration.")
@Service
public class ChannelsCommand implements Action {

    @Reference
    ChannelService channels;

    @Option(name = "-c", aliases = "--concise",
            description = "One '!'-separated line per channel for scripts, no header and no count:"
                    + " channel!context!extension!priority!state!application!data!callerid!seconds!peer!uniqueid")
    boolean concise;

    @Override
    public Object execute() {
        print(System.out, Clock.systemDefaultZone());
        return null;
    }

    void print(PrintStream out, Clock clock) {
        ChannelTable table = new ChannelTable(channels.channels(), clock);
        out.print(concise ? table.renderConcise() : table.render());
        out.flush();
    }
}
