package org.strowger.channel.bridge;

import org.osgi.annotation.versioning.ConsumerType;
import org.strowger.channel.Channel;

/**
 * Register as an OSGi service to see the DTMF digits that cross bridges (whiteboard); the
 * transfer features use it for {@code #1}, {@code *2} and the like. Called in the receiving
 * driver's thread with no core lock held; must not block.
 */
@ConsumerType
public interface BridgeHook {

    /** What happens to a digit a hook has looked at. */
    enum Decision {
        /** Relay the digit to the other side as usual. */
        PASS,
        /** The hook took the digit: do not relay it. */
        CONSUME
    }

    /**
     * A digit ended on {@code from} while bridged.
     *
     * @return whether to relay it; the first hook that consumes a digit stops the others
     */
    Decision onDigit(Bridge bridge, Channel from, char digit);
}
