package org.strowger.channel;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.osgi.annotation.versioning.ProviderType;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.HangupPolicy;
import org.strowger.channel.lock.ChannelLock;
import org.strowger.channel.lock.LockStatistics;

/**
 * What the rest of the platform (dialplan, transfer, drivers, console) may ask of the channel
 * core. Provided by the core only.
 *
 * <p><b>The lock rule.</b> {@link #masquerade}, {@link #changeName} and {@link #hangup} must be
 * called with no channel and no pvt lock held by the calling thread; they refuse otherwise with
 * an {@link IllegalStateException} that names the lock held and where it was taken.
 */
@ProviderType
public interface ChannelService {

    /** The Strowger release this core belongs to, as built (for example {@code 0.1.0}). */
    String platformVersion();

    /** The channel technologies registered right now, sorted by name. */
    List<TechnologyInfo> technologies();

    /** The technology registered under this name (case-insensitive), if any. */
    Optional<TechnologyInfo> technology(String name);

    /**
     * Makes an outbound channel for a dial string {@code TECH/resource}, in state Down; place
     * the call with {@link Channel#call}.
     *
     * @throws ChannelUnavailableException with CHAN_NOT_IMPLEMENTED for an unknown technology,
     *         INVALID_NUMBER_FORMAT for a malformed dial string, or the driver's cause
     */
    Channel request(String dialString) throws ChannelUnavailableException;

    /**
     * Makes the channel of an inbound call, in state Ring; the driver gives its side through
     * {@code driverSide}, which receives the link to keep.
     */
    Channel createInbound(InboundCall call, Function<ChannelLink, DriverSide> driverSide)
            throws ChannelUnavailableException;

    Optional<Channel> findByName(String name);

    Optional<Channel> findByUniqueId(String uniqueId);

    /** The live channels, oldest first. */
    List<Channel> channels();

    int channelCount();

    /** Hangs a channel up with a cause; nothing happens to one already hung up. */
    void hangup(Channel channel, HangupCause cause);

    /**
     * {@code original} takes over {@code clone}'s driver side, name and unique id; the clone is
     * left a zombie holding the original's old driver side, which is hung up. Runs at once, in
     * the caller's thread, exactly once.
     *
     * @throws IllegalStateException when the caller holds a channel or pvt lock; when the two
     *         are the same channel; when either is hung up, a zombie, or already in a masquerade
     */
    void masquerade(Channel original, Channel clone);

    /**
     * Renames a live channel; lookups see the old name or the new one, never neither.
     *
     * @throws IllegalStateException when the caller holds a channel or pvt lock, the channel is
     *         hung up, or the name is taken
     */
    void changeName(Channel channel, String newName);

    /**
     * Bridges two live channels with {@link HangupPolicy#BOTH}: when either hangs up, the other
     * is hung up with the same cause. Neither may be in a bridge already.
     *
     * @throws IllegalStateException when either is hung up or already bridged
     */
    default Bridge bridge(Channel first, Channel second) {
        return bridge(first, second, HangupPolicy.BOTH);
    }

    /**
     * Bridges two live channels; {@code policy} says what happens to the member left behind
     * when the other hangs up. Neither may be in a bridge already.
     *
     * @throws IllegalStateException when either is hung up or already bridged
     * @since 0.2
     */
    Bridge bridge(Channel first, Channel second, HangupPolicy policy);

    /** A lock for a driver's private state, with rank PVT and class {@code PVT:<technology>}. */
    ChannelLock newPvtLock(TechnologyName technology);

    LockStatistics lockStatistics();

    /**
     * When the core started, the bridges up now and the bridges made since it started.
     *
     * @since 0.3
     */
    CallStatistics callStatistics();
}
