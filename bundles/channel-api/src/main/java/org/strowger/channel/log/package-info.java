/**
 * The logging context of a call: the channel's name in SLF4J's MDC under the key
 * {@value org.strowger.channel.log.CallLogContext#KEY}, so every line logged while a thread works
 * for a call carries it ({@code %X{channel}} in the logging pattern). Drivers, the dialplan and
 * extension bundles use the same key.
 *
 * <p>0.1.0: {@link org.strowger.channel.log.CallLogContext}.
 */
@Export
@Version("0.1.0")
package org.strowger.channel.log;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
