/** Channel events, delivered in order to {@link org.strowger.channel.event.ChannelListener} services. */
@Export
@Version("0.1.0")
package org.strowger.channel.event;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
