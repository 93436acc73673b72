package org.strowger.examples.tone;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelState;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

/**
 * The driver side of one Tone channel. {@link #call} answers at once and starts a task on the
 * bundle's scheduler that queues 20 ms of tone every 20 ms; {@link #hangup} stops it.
 *
 * <p>Locks: the state ({@code pacer}, {@code hungUp}) is guarded by the core-made pvt lock, and
 * the core is only ever called with no lock held. {@link #hangup} runs while the core holds the
 * channel's hangup claim, so it takes the pvt lock, cancels the task and returns: it never calls
 * the core. The pacing task checks {@code hungUp} under the pvt lock, releases it, then queues.
 */
final class ToneSide implements DriverSide {

    private static final long FRAME_MILLIS = 20;

    private final ChannelLink link;
    private final ScheduledExecutorService scheduler;
    private final ToneGenerator generator;

    // guarded by link.pvtLock()
    private ScheduledFuture<?> pacer;
    private boolean hungUp;

    ToneSide(ChannelLink link, ScheduledExecutorService scheduler, ToneSpec spec) {
        this.link = link;
        this.scheduler = scheduler;
        this.generator = new ToneGenerator(spec);
    }

    @Override
    public void call(Duration timeout) {
        // no core lock held here: reporting to the link is allowed
        link.setFormats(List.of(Codec.ULAW));
        link.setState(ChannelState.UP);
        link.pvtLock().lock();
        try {
            if (!hungUp) {
                pacer = scheduler.scheduleAtFixedRate(this::sendFrame, 0, FRAME_MILLIS, TimeUnit.MILLISECONDS);
            }
        } finally {
            link.pvtLock().unlock();
        }
    }

    /** One 20 ms frame; runs on the scheduler, never two at once for one side. */
    private void sendFrame() {
        VoiceFrame frame;
        link.pvtLock().lock();
        try {
            if (hungUp) {
                return;
            }
            long timestamp = generator.position();
            frame = new VoiceFrame(Codec.ULAW, generator.nextFrame(), ToneGenerator.FRAME_SAMPLES, timestamp);
        } finally {
            link.pvtLock().unlock();
        }
        try {
            link.queueFrame(frame); // with no lock held
        } catch (RuntimeException failed) {
            // an exception would silently cancel the periodic task: end the call instead
            stop();
            link.farEndHangup(HangupCause.NORMAL_TEMPORARY_FAILURE);
        }
    }

    @Override
    public void answer() {
        // an outbound Tone channel is answered by call(); there is nothing to answer
    }

    @Override
    public void hangup(HangupCause cause) {
        // under the core's hangup claim: our pvt lock only, no call into the core
        stop();
    }

    private void stop() {
        link.pvtLock().lock();
        try {
            hungUp = true;
            if (pacer != null) {
                pacer.cancel(false);
                pacer = null;
            }
        } finally {
            link.pvtLock().unlock();
        }
    }

    @Override
    public void write(Frame frame) {
        // a tone does not listen: what the other side says is dropped
    }

    @Override
    public void indicate(Control control) {
        // nothing to signal to a tone generator
    }

    /** Whether frames are being paced now (for tests). */
    boolean sending() {
        link.pvtLock().lock();
        try {
            return pacer != null;
        } finally {
            link.pvtLock().unlock();
        }
    }
}
