/**
 * Locks made by the channel core with their rank, so that the lock-order validator sees every
 * acquisition. Order: container, then bridge, then channel, then driver pvt.
 */
@Export
@Version("0.1.0")
package org.strowger.channel.lock;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
