/**
 * The channel API: what the rest of the platform may ask of the channel core
 * ({@link org.strowger.channel.ChannelService}) and the SPI a channel driver implements
 * ({@link org.strowger.channel.ChannelTechnology}).
 *
 * <p>0.2.0: {@link org.strowger.channel.Channel#readable()} and
 * {@link org.strowger.channel.ChannelService#bridge(org.strowger.channel.Channel, org.strowger.channel.Channel,
 * org.strowger.channel.bridge.HangupPolicy)}.
 *
 * <p>0.3.0: {@link org.strowger.channel.ChannelService#callStatistics()} and
 * {@link org.strowger.channel.CallStatistics} (start time, active bridges, bridges made) for the
 * console's status overview.
 */
@Export
@Version("0.3.0")
package org.strowger.channel;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
