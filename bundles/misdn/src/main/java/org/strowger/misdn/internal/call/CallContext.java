package org.strowger.misdn.internal.call;

import org.strowger.channel.ChannelService;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.frame.Codec;
import org.strowger.misdn.card.Card;

/**
 * What every call of the driver shares.
 *
 * @param channels the channel core
 * @param card the open card
 * @param law the G.711 law on the B-channels
 * @param pacer hands received audio to the core at 20 ms a frame
 * @param timers the driver's timer thread (overlap receiving)
 * @param overlapTimeout the pause that ends an overlap-dialled number
 */
public record CallContext(ChannelService channels, Card card, Codec law,
        org.strowger.misdn.internal.audio.RxPacer pacer, java.util.concurrent.ScheduledExecutorService timers,
        java.time.Duration overlapTimeout) {

    /** With the usual overlap timeout. */
    public CallContext(ChannelService channels, Card card, Codec law, org.strowger.misdn.internal.audio.RxPacer pacer,
            java.util.concurrent.ScheduledExecutorService timers) {
        this(channels, card, law, pacer, timers, OverlapReceiver.DIGIT_TIMEOUT);
    }

    public static final TechnologyName TECHNOLOGY = TechnologyName.of("mISDN");

    /** At most this much audio (200 ms) waits for a B-channel; beyond, the oldest is dropped. */
    static final int TX_QUEUE_BYTES = 1600;
}
