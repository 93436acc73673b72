package org.strowger.channel;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;

/**
 * A driver's half of one channel: its private state and the operations the core asks of it
 * (Asterisk's tech_pvt with its technology callbacks). Made by the driver, owned by a channel
 * through a {@link ChannelLink}.
 *
 * <p>{@link #fixup} runs inside a masquerade under both channel locks, and {@link #hangup} while
 * the core holds the channel's hangup claim: those two may take the driver's own pvt lock and
 * nothing else. They must not call the core, take a channel lock, or wait on a thread that
 * might; hand such work to a thread of your own. The other callbacks ({@link #write},
 * {@link #indicate}, {@link #answer}, digits, {@link #call}) are called with no core lock
 * held, and may report to a {@link ChannelLink} (a Local channel passes frames to its twin).
 */
@ConsumerType
public interface DriverSide {

    /** Places the outbound call this side was requested for. */
    void call(Duration timeout) throws ChannelUnavailableException;

    void answer();

    /** Releases the far end and every resource of this side; called exactly once. */
    void hangup(HangupCause cause);

    /** Sends a frame to the far end. */
    void write(Frame frame);

    /** Sends a call-progress indication to the far end. */
    void indicate(Control control);

    /** Starts sending a DTMF digit. */
    default void digitBegin(char digit) {
    }

    /** Stops sending a DTMF digit. */
    default void digitEnd(char digit, Duration duration) {
    }

    /**
     * A masquerade moved this side from {@code oldOwner} to {@code newOwner}. The side's
     * {@link ChannelLink} already points at the new owner; drivers that keep their own
     * reference to the owner rebind it here, under their pvt lock.
     */
    default void fixup(Channel oldOwner, Channel newOwner) {
    }
}
