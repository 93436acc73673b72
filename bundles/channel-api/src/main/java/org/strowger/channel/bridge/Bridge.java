package org.strowger.channel.bridge;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;

/**
 * Two channels joined: frames from either are relayed to the other in the thread that
 * received them (no thread per call). Ends when either side hangs up, and hangs up the other
 * side with the same cause; a side masqueraded mid-call stays in the bridge with its new driver.
 */
@ProviderType
public interface Bridge {

    /** A short id for logs and the console. */
    String id();

    Channel first();

    Channel second();

    /** The other member, if {@code member} is one of the two. */
    Optional<Channel> peerOf(Channel member);

    boolean isActive();

    /** Why the bridge ended, once it has. */
    Optional<HangupCause> endCause();

    /** Ends the bridge and leaves both channels up (for a transfer to move them on). */
    void release();
}
