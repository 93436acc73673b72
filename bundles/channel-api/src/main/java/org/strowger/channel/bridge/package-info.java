/** Two-party bridges and the hooks that watch the digits crossing them (transfer features). */
@Export
@Version("0.1.0")
package org.strowger.channel.bridge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
