package org.strowger.channel;

import org.osgi.annotation.versioning.ProviderType;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.lock.ChannelLock;

/**
 * The core's handle for one driver side: the only way a driver reports into the core (frames
 * received, state changes, the far end hanging up). It stays with the driver side when a
 * masquerade moves that side to another channel, so a driver never reports to the wrong one.
 *
 * <p>Call these with no channel or pvt lock held: copy under the pvt lock, release, then report.
 */
@ProviderType
public interface ChannelLink {

    /** The channel that owns this driver side now. */
    Channel owner();

    /** The lock the core made for this driver side's private state (rank PVT). */
    ChannelLock pvtLock();

    /** A frame arrived from the far end. */
    void queueFrame(Frame frame);

    /** The call progressed (ringing, answered, busy...). */
    void setState(ChannelState state);

    /**
     * The formats this side carries now, preferred first (e.g. the codec SDP negotiated). The
     * channel's read and write formats become the preferred one, so dialplan applications get
     * audio as it travels and nothing is converted back and forth.
     *
     * @throws IllegalArgumentException when the set is empty
     */
    void setFormats(java.util.List<org.strowger.channel.frame.Codec> formats);

    /** The far end hung up: the core hangs the channel up (and calls this side's hangup). */
    void farEndHangup(HangupCause cause);
}
