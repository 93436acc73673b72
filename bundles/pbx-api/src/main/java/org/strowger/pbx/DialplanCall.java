package org.strowger.pbx;

import java.time.Duration;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.DialplanLocation;

/** The call an application or function runs for: its channel, variables and dialplan position. */
@ProviderType
public interface DialplanCall {

    Channel channel();

    ChannelService channels();

    DialplanLocation location();

    /** A variable as {@code ${NAME}} would read it: built-ins, channel variables, then globals. */
    Optional<String> variable(String name);

    /** Sets a channel variable ({@code _NAME}/{@code __NAME} are inherited by channels this call makes). */
    void setVariable(String name, String value);

    Optional<String> global(String name);

    void setGlobal(String name, String value);

    /** Whether {@code extension} exists at {@code priority} in {@code context}. */
    boolean exists(String context, String extension, int priority);

    /** How long to wait between digits (TIMEOUT(digit), default 5 s). */
    Duration digitTimeout();

    /** How long to wait for a first digit (TIMEOUT(response), default 10 s). */
    Duration responseTimeout();

    /** Logs a trace line on the call, as Verbose does, with the channel name. */
    void verbose(int level, String message);
}
