package org.strowger.misdn.card;

import java.io.IOException;

import org.strowger.misdn.card.internal.CardFactory;

/**
 * Opens cards. The native library is loaded on first use; without it (another platform) or
 * without mISDN in the kernel, {@link #hardware()} throws {@link MisdnUnavailableException}.
 */
public final class Cards {

    private Cards() {
    }

    /** The kernel's mISDN ports. */
    public static Card hardware() throws IOException {
        return CardFactory.hardware();
    }

    /**
     * The simulated card.
     *
     * @param pairs pairs of ports wired back to back (ports 0..2*pairs-1)
     * @param primaryRate E1 ports with 30 B-channels, else BRI with 2
     * @param tick how often the cable moves B-channel audio (16 ms on real cards; the bytes per
     *        tick follow from 8000 bytes/s)
     */
    public static SimulatedCard simulated(int pairs, boolean primaryRate, java.time.Duration tick) throws IOException {
        return CardFactory.simulated(pairs, primaryRate, tick);
    }
}
