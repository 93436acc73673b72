/** Frames: what flows through a channel — voice, DTMF, call-progress control, and nothing. */
@Export
@Version("0.1.0")
package org.strowger.channel.frame;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
