package org.strowger.channel.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the channel core, PID {@code org.strowger.channel.core} ({@code etc/org.strowger.channel.core.cfg}). */
@ObjectClassDefinition(name = "Strowger channel core", description = "Channel core settings")
public @interface ChannelCoreConfig {

    @AttributeDefinition(name = "Strict lock order", description = "Refuse lock-order violations with an"
            + " exception instead of logging them. Tests run strict; production logs. The system property"
            + " strowger.locks.strict=true also turns it on.")
    boolean strictLockOrder() default false;
}
