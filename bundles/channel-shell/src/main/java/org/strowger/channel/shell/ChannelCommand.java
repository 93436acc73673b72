package org.strowger.channel.shell;

import java.io.PrintStream;
import java.time.Clock;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.channel.ChannelService;

@Command(scope = "strowger", name = "channel",
        description = "Shows everything about one live channel: identity, state, caller, dialplan position,"
                + " formats, bridge, age, hangup and its variables.")
@Service
public class ChannelCommand implements Action {

    @Reference
    ChannelService channels;

    @Argument(index = 0, name = "name", required = true,
            description = "The channel's name, for example SIP/alice-00000001")
    @Completion(ChannelNameCompleter.class)
    String name;

    @Override
    public Object execute() {
        print(System.out, Clock.systemDefaultZone());
        return null;
    }

    void print(PrintStream out, Clock clock) {
        out.print(new ChannelDetails(ChannelLookup.byName(channels, name), clock).render());
        out.flush();
    }
}
