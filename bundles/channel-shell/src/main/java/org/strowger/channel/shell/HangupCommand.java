package org.strowger.channel.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.HangupCause;

@Command(scope = "strowger", name = "hangup",
        description = "Hangs a live channel up with a Q.850 cause (NORMAL_CLEARING unless given).")
@Service
public class HangupCommand implements Action {

    @Reference
    ChannelService channels;

    @Argument(index = 0, name = "name", required = true,
            description = "The channel's name, for example SIP/alice-00000001")
    @Completion(ChannelNameCompleter.class)
    String name;

    @Argument(index = 1, name = "cause", required = false,
            description = "A Q.850 cause number (16) or name (NORMAL_CLEARING, any case); default NORMAL_CLEARING")
    @Completion(HangupCauseCompleter.class)
    String cause;

    @Override
    public Object execute() {
        print(System.out);
        return null;
    }

    void print(PrintStream out) {
        // parse first: a typo in the cause must not leave the channel hung up with another one
        HangupCause hangupCause = HangupCauseParser.parse(cause);
        Channel channel = ChannelLookup.byName(channels, name);
        String hungUpName = channel.name();
        channels.hangup(channel, hangupCause);
        out.println("Hung up " + hungUpName + " (" + hangupCause + ")");
        out.flush();
    }
}
