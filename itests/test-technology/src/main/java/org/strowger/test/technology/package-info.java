/**
 * Control of the {@code Test} channel technology: make inbound test calls, play the far end of
 * any test channel, and see what the core asked of its driver side.
 */
@Export
@Version("0.1.0")
package org.strowger.test.technology;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
