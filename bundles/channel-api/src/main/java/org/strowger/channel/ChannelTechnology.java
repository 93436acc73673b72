package org.strowger.channel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The SPI a channel driver implements, Strowger's counterpart of Asterisk's channel technology
 * table. A driver registers one as an OSGi service with the service property
 * {@link #TECHNOLOGY_PROPERTY} naming its technology (for example {@code SIP}); the channel core
 * uses it at once, and when the service goes away hangs up its channels with cause 38
 * (NETWORK_OUT_OF_ORDER).
 *
 * <p>Inbound calls do not pass through here: the driver asks
 * {@link ChannelService#createInbound} for a channel.
 */
@ConsumerType
public interface ChannelTechnology {

    /** Service property that names the technology, as it appears in channel names ({@code SIP/...}). */
    String TECHNOLOGY_PROPERTY = "strowger.channel.technology";

    /** One line for operators, shown by the console next to the technology's name. */
    String description();

    /**
     * Makes the driver side of an outbound channel to {@code resource} (the part after the
     * slash of a dial string: {@code bob} in {@code SIP/bob}). Called with no lock held; the
     * call itself is placed later by {@link DriverSide#call}.
     *
     * @param link the core's handle for the new side; keep it to report frames and state
     * @throws ChannelUnavailableException when the resource is unknown or unreachable
     */
    default DriverSide request(String resource, ChannelLink link) throws ChannelUnavailableException {
        throw new ChannelUnavailableException(HangupCause.CHAN_NOT_IMPLEMENTED,
                "technology does not place outbound calls");
    }
}
