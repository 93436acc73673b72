package org.strowger.channel.event;

import java.time.Instant;

import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;

/** Something that happened to a channel. Each event carries the names as they were at that moment. */
public sealed interface ChannelEvent {

    Instant at();

    /** The channel the event is about. */
    Channel channel();

    /** A channel was made, inbound or outbound. */
    record Created(Instant at, Channel channel, String name, String uniqueId) implements ChannelEvent {
    }

    /** A channel's state changed. */
    record StateChanged(Instant at, Channel channel, String name, ChannelState from, ChannelState to)
            implements ChannelEvent {
    }

    /** A channel's name changed (by changeName, or by a masquerade). */
    record Renamed(Instant at, Channel channel, String oldName, String newName) implements ChannelEvent {
    }

    /**
     * {@code channel} (the original) took over {@code cloneChannel}'s driver side and name; the clone is now a zombie
     * holding the original's old driver side, which was hung up.
     */
    record Masqueraded(Instant at, Channel channel, Channel cloneChannel, String originalOldName,
            String cloneOldName) implements ChannelEvent {
    }

    /** A channel was hung up and left the container. */
    record HungUp(Instant at, Channel channel, String name, String uniqueId, HangupCause cause)
            implements ChannelEvent {
    }
}
