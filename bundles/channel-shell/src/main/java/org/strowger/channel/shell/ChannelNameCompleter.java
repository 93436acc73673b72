package org.strowger.channel.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;

/** Completes the names of the channels live at the moment Tab is pressed. */
@Service
public class ChannelNameCompleter implements Completer {

    @Reference
    ChannelService channels;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        List<String> names = channels.channels().stream().map(Channel::name).toList();
        return new StringsCompleter(names).complete(session, commandLine, candidates);
    }
}
