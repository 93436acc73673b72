package org.strowger.channel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The SPI a channel driver implements, Strowger's counterpart of Asterisk's channel technology
 * table. A driver registers one as an OSGi service with the service property
 * {@link #TECHNOLOGY_PROPERTY} naming its technology (for example {@code SIP}); the channel core
 * picks it up at once and drops it, with its channels, when the service goes away.
 */
@ConsumerType
public interface ChannelTechnology {

    /** Service property that names the technology, as it appears in channel names ({@code SIP/...}). */
    String TECHNOLOGY_PROPERTY = "strowger.channel.technology";

    /** One line for operators, shown by the console next to the technology's name. */
    String description();
}
