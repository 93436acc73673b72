package org.strowger.channel.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.channel.ChannelService;

@Command(scope = "strowger", name = "version",
        description = "Shows the Strowger version and the channel technologies (drivers) available now.")
@Service
public class VersionCommand implements Action {

    @Reference
    ChannelService channels;

    @Override
    public Object execute() {
        print(channels, System.out);
        return null;
    }

    static void print(ChannelService channels, PrintStream out) {
        out.println("Strowger " + channels.platformVersion());
        out.println(new TechnologyTable(channels.technologies()).render());
    }
}
