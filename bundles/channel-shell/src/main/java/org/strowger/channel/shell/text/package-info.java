/**
 * Text layout shared by the console commands of every Strowger bundle (channel, SIP, transfer),
 * so their listings look alike.
 */
@Export
@Version("0.1.0")
package org.strowger.channel.shell.text;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
