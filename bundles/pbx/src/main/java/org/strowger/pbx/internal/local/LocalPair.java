package org.strowger.pbx.internal.local;

import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.HangupCause;

/**
 * The two halves of one Local channel. What one half is asked to send, the other receives; a
 * hangup of one hangs up the other, unless the pair has been optimised away. The follow-up work
 * (hanging up the other half, the masquerade) runs on an executor: driver callbacks never call
 * the core themselves.
 */
final class LocalPair {

    private static final Logger LOG = LoggerFactory.getLogger(LocalPair.class);

    final String exten;
    final String context;
    final boolean noOptimization;
    final LocalHalf outer;
    volatile LocalHalf inner;
    private final ChannelService channels;
    private final Executor executor;
    private final AtomicBoolean optimizing = new AtomicBoolean();
    private volatile boolean optimized;

    LocalPair(String exten, String context, boolean noOptimization, ChannelService channels, Executor executor,
            org.strowger.channel.ChannelLink outerLink) {
        this.exten = exten;
        this.context = context;
        this.noOptimization = noOptimization;
        this.channels = channels;
        this.executor = executor;
        this.outer = new LocalHalf(this, outerLink);
    }

    LocalHalf otherThan(LocalHalf half) {
        return half == outer ? inner : outer;
    }

    /** One half was released: the other half's channel hangs up too, unless optimised away. */
    void halfReleased(LocalHalf half, HangupCause cause) {
        if (optimized) {
            return;
        }
        LocalHalf other = otherThan(half);
        if (other == null) {
            return;
        }
        executor.execute(() -> {
            Channel owner = other.link.owner();
            if (owner != null && !owner.isHungUp() && !optimized) {
                channels.hangup(owner, cause);
            }
        });
    }

    /** Frames cross: when both halves are bridged, the pair takes itself out of the path once. */
    void considerOptimizing() {
        if (noOptimization || optimized || inner == null || !optimizing.compareAndSet(false, true)) {
            return;
        }
        executor.execute(this::optimize);
    }

    private void optimize() {
        Channel outerChannel = outer.link.owner();
        Channel innerChannel = inner.link.owner();
        Channel far = innerChannel.bridgedPeer().orElse(null);
        if (far == null || outerChannel.bridgedPeer().isEmpty()) {
            optimizing.set(false);
            return;
        }
        optimized = true;
        try {
            // the outer half, bridged to the caller, takes over the far party's driver side
            channels.masquerade(outerChannel, far);
            LOG.debug("Local {}@{} optimised away: {} now talks to {} directly", exten, context,
                    outerChannel.bridgedPeer().map(Channel::name).orElse("?"), outerChannel.name());
        } catch (IllegalStateException refused) {
            optimized = false;
            optimizing.set(false);
            LOG.debug("Local {}@{} not optimised now: {}", exten, context, refused.getMessage());
        }
    }
}
