/**
 * The status-overview SPI: bundles register {@link org.strowger.channel.status.StatusContributor}
 * services whose lines the console's {@code strowger:status} prints under their name.
 *
 * <p>0.1.0: {@link org.strowger.channel.status.StatusContributor}.
 */
@Export
@Version("0.1.0")
package org.strowger.channel.status;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
