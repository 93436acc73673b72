package org.strowger.misdn.card;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The simulated card: ports wired back to back in pairs (port 2k and 2k+1, 0-based), what one
 * sends the other receives. Layer 1 comes up when both ends are open and one asks; TE-TE and
 * NT-NT pairs never do. B-channel audio crosses at the line's pace. The faults below let tests
 * exercise timers and failures.
 */
@ProviderType
public interface SimulatedCard extends Card {

    /** Pulls the cable of a port's pair: layer 1 and 2 go down on both ends, B-channels stop. */
    void unplug(int port);

    /** Plugs it back in. */
    void replug(int port);

    /** Drops the next {@code count} D-channel frames that {@code port} sends. */
    void dropDFrames(int port, int count);

    /** Delays every D-channel frame {@code port} sends by {@code delay} (zero stops it). */
    void delayDFrames(int port, Duration delay);

    /** Makes the next send on a B-channel find its FIFO full (overrun), {@code count} times. */
    void overrunB(int port, int channel, int count);
}
