package org.strowger.channel.core;

import java.util.concurrent.atomic.AtomicBoolean;

import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelState;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.core.lock.RankedLock;
import org.strowger.channel.frame.Frame;

/**
 * One driver side and the core's handle to it. It travels with the driver side: a masquerade
 * moves the link to its new owner under both channel locks, so reports always reach the
 * channel that owns the side now.
 */
final class CoreLink implements ChannelLink {

    private final ChannelCore core;
    final TechnologyName technology;
    /** The technology service that made this side; its departure hangs the side up. */
    final Object registration;
    private final RankedLock pvtLock;
    private final AtomicBoolean hungUp = new AtomicBoolean();
    volatile DriverSide side;
    volatile CoreChannel owner;

    CoreLink(ChannelCore core, TechnologyName technology, Object registration, RankedLock pvtLock) {
        this.core = core;
        this.technology = technology;
        this.registration = registration;
        this.pvtLock = pvtLock;
    }

    @Override
    public Channel owner() {
        return owner;
    }

    @Override
    public RankedLock pvtLock() {
        return pvtLock;
    }

    @Override
    public void queueFrame(Frame frame) {
        core.queueFrame(this, frame);
    }

    @Override
    public void setState(ChannelState state) {
        core.setState(this, state);
    }

    @Override
    public void setFormats(java.util.List<org.strowger.channel.frame.Codec> formats) {
        core.setFormats(this, formats);
    }

    @Override
    public void farEndHangup(HangupCause cause) {
        // a masquerade may move this side to another channel while the hangup waits for it (the
        // old owner is then a zombie and ignores it): follow the side until it is hung up
        for (int attempt = 0; attempt < 8 && !hungUp.get(); attempt++) {
            CoreChannel current = owner;
            if (current == null) {
                return;
            }
            if (current.link != this && !settledAfterMasquerade(current)) {
                return;
            }
            if (current.link == this) {
                core.hangup(current, cause);
            }
        }
    }

    /**
     * The owner read says another side is its link: either this side is no longer the owner's, or
     * a masquerade is between swapping the links and the owners (it holds the owner's channel lock
     * for the whole swap). Waits for that lock once; true when a retry may find the side's owner.
     */
    private boolean settledAfterMasquerade(CoreChannel current) {
        current.lock.lockInternal();
        current.lock.unlock();
        return owner != current || current.link == this;
    }

    /** Calls the driver's hangup, exactly once over the side's life. */
    void hangUpSide(HangupCause cause) {
        if (hungUp.compareAndSet(false, true)) {
            DriverSide current = side;
            if (current != null) {
                core.callDriver(this, () -> current.hangup(cause), "hangup");
            }
        }
    }

    boolean isSideHungUp() {
        return hungUp.get();
    }
}
