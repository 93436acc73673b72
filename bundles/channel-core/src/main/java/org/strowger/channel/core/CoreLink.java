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
        core.farEndHangup(this, cause);
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
