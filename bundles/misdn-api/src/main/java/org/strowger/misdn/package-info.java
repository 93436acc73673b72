/**
 * The mISDN driver as operators see it: ports with their role, layers and B-channels, and
 * per-port Q.931 tracing. Calls are made through the channel core (technology {@code mISDN}).
 */
@Export
@Version("0.1.0")
package org.strowger.misdn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
