/**
 * Two-party bridges and the hooks that watch the digits crossing them (transfer features).
 *
 * <p>0.2.0: {@link org.strowger.channel.bridge.Bridge#ended()} and
 * {@link org.strowger.channel.bridge.HangupPolicy}.
 * <p>0.3.0: {@link org.strowger.channel.bridge.Bridge#keepMembersUp()}.
 */
@Export
@Version("0.3.0")
package org.strowger.channel.bridge;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
