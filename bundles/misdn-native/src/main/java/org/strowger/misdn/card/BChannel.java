package org.strowger.misdn.card;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A transparent B-channel. The card paces the line (8000 bytes/s each way) and tells when its
 * transmit FIFO has room again ({@link Listener#sent}); audio bytes cross as on the wire,
 * bit-reversed G.711.
 */
@ProviderType
public interface BChannel extends AutoCloseable {

    /** PH_ACTIVATE_REQ: start the channel; {@link Listener#activated} follows. */
    void activate() throws IOException;

    /** PH_DEACTIVATE_REQ. */
    void deactivate() throws IOException;

    /**
     * PH_DATA_REQ: queues audio for the line.
     *
     * @return false when the transmit FIFO is full (the bytes are dropped): wait for {@link Listener#sent}
     */
    boolean send(byte[] audio) throws IOException;

    @Override
    void close();

    /** What the B-channel reports, in the card's I/O thread. */
    @ConsumerType
    interface Listener {

        void activated(boolean active);

        /** PH_DATA_IND: audio from the line, as on the wire. */
        void received(byte[] audio);

        /** PH_DATA_CNF: a frame sent earlier left the FIFO; there is room for more. */
        void sent();

        void failed(IOException why);
    }
}
