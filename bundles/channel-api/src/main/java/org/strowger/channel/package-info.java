/**
 * The channel API: what the rest of the platform may ask of the channel core
 * ({@link org.strowger.channel.ChannelService}) and the SPI a channel driver implements
 * ({@link org.strowger.channel.ChannelTechnology}).
 */
@Export
@Version("0.1.0")
package org.strowger.channel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
