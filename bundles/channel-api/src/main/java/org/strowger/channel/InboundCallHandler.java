package org.strowger.channel;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Takes inbound calls from the core: the PBX registers one as an OSGi service, and the core
 * hands it each channel a driver made with {@link ChannelService#createInbound}, right after it
 * is in the container. Called with no core lock held, in the driver's thread: return quickly
 * (start the dialplan on a thread of your own).
 */
@ConsumerType
@FunctionalInterface
public interface InboundCallHandler {

    void inboundCall(Channel channel);
}
