package org.strowger.channel.event;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Register as an OSGi service to be told of channel events (whiteboard). Events arrive in the
 * order they happened, on the core's event thread, with no core lock held: a listener may call
 * the core, but should return quickly.
 */
@ConsumerType
@FunctionalInterface
public interface ChannelListener {
    void onEvent(ChannelEvent event);
}
