/**
 * The SIP driver as operators see it: configured endpoints with their reachability,
 * registrations, live dialogs and per-endpoint message tracing. The driver itself is a
 * channel technology ({@code SIP}); calls are made through the channel core, not here.
 */
@Export
@Version("0.1.0")
package org.strowger.sip;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
