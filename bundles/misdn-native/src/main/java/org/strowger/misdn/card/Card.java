package org.strowger.misdn.card;

import java.io.IOException;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A set of ISDN ports. One I/O thread per card reads every open channel (poll on the native
 * sockets plus an eventfd to wake it) and calls the listeners in that thread, with no lock held:
 * listeners must be quick and must not block. Sends may come from any thread and never block
 * on the line (a full B-channel FIFO is reported, not waited for).
 */
@ProviderType
public interface Card extends AutoCloseable {

    /** True for the simulated card, false for the kernel's mISDN. */
    boolean simulated();

    /** The ports, by id (mISDN device ids, 0-based; the driver numbers them from 1 for users). */
    List<PortInfo> ports();

    /**
     * Opens a port's D-channel at layer 2 (LAPD: the card runs L1 and L2, the caller speaks Q.931).
     *
     * @param pointToMultipoint TEI 127 (several terminals on the bus) rather than TEI 0
     * @throws NoSuchPortException, PortBusyException (role not offered or taken), or another I/O failure
     */
    DChannel openD(int port, PortRole role, boolean pointToMultipoint, DChannel.Listener listener) throws IOException;

    /**
     * Opens B-channel {@code channel} (1-based; 1..2 on BRI, 1..30 on PRI) of a port, transparent
     * (64 kbit/s, no HDLC). Audio crosses as on the wire: G.711 with each byte's bits reversed.
     */
    BChannel openB(int port, int channel, BChannel.Listener listener) throws IOException;

    /** Closes every channel and stops the I/O thread; idempotent. */
    @Override
    void close();
}
