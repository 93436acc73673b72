package org.strowger.channel.shell;

import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;

/** Finds the channel an operator named, or fails with a message Karaf shows and a non-zero exit. */
final class ChannelLookup {

    private ChannelLookup() {
    }

    /** @throws IllegalArgumentException {@code No such channel: <name>} with where to look */
    static Channel byName(ChannelService channels, String name) {
        return channels.findByName(name).orElseThrow(() -> new IllegalArgumentException(
                "No such channel: " + name + " (strowger:channels lists the live channels)"));
    }
}
