package org.strowger.misdn.card;

import java.io.IOException;

import org.osgi.annotation.versioning.ConsumerType;
import org.osgi.annotation.versioning.ProviderType;

/**
 * A port's D-channel at the layer 2 service boundary (DL_* primitives). Q.931 messages sent
 * before the data link is established are lost, as with the kernel: establish first, send on
 * {@link Listener#established}.
 */
@ProviderType
public interface DChannel extends AutoCloseable {

    /** DL_ESTABLISH_REQ: bring the data link (and layer 1) up. */
    void establish() throws IOException;

    /** DL_RELEASE_REQ. */
    void release() throws IOException;

    /** DL_DATA_REQ: one Q.931 message (at most 260 bytes) in an I-frame; {@code ces} 0 on TE and PTP. */
    void send(int ces, byte[] message) throws IOException;

    /** DL_UNITDATA_REQ: a broadcast (the NT's SETUP to every terminal of a PTMP bus). */
    void sendUnitData(byte[] message) throws IOException;

    @Override
    void close();

    /** What the D-channel reports, in the card's I/O thread. */
    @ConsumerType
    interface Listener {

        /** Layer 1 came up or went down (PH/MPH_ACTIVATE_IND, DEACTIVATE_IND). */
        void layer1(boolean active);

        /** The data link to a terminal ({@code ces}, 0 on PTP) is up (DL_ESTABLISH_IND or CNF). */
        void established(int ces);

        /** The data link went down (DL_RELEASE_IND or CNF): a cable pulled, or released. */
        void released(int ces);

        /** A Q.931 message arrived (DL_DATA_IND, or DL_UNITDATA_IND when {@code broadcast}). */
        void received(int ces, byte[] message, boolean broadcast);

        /** The device went away or failed; the channel is closed. */
        void failed(IOException why);
    }
}
