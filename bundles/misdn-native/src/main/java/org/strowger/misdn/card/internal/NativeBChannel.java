package org.strowger.misdn.card.internal;

import java.io.IOException;

import org.strowger.misdn.card.BChannel;

/**
 * A transparent B-channel (B_RAW). Sent without an address, so the id (a sequence number)
 * survives and PH_DATA_CNF echoes it; EBUSY on PH_DATA_REQ is backpressure, not an error.
 */
final class NativeBChannel extends NativeCard.Chan implements BChannel {

    private static final int NO_ADDRESS = -1;

    private final int port;
    private final int channel;
    private final Listener listener;
    private int sequence;

    NativeBChannel(NativeCard card, int fd, int port, int channel, Listener listener) {
        super(card, fd);
        this.port = port;
        this.channel = channel;
        this.listener = listener;
    }

    @Override
    public void activate() throws IOException {
        checkOpen();
        Errors.check(NativeCard.send(fd, MiAbi.PH_ACTIVATE_REQ, 0, null, port, NO_ADDRESS), "PH_ACTIVATE_REQ on " + this);
    }

    @Override
    public void deactivate() throws IOException {
        checkOpen();
        Errors.check(NativeCard.send(fd, MiAbi.PH_DEACTIVATE_REQ, 0, null, port, NO_ADDRESS),
                "PH_DEACTIVATE_REQ on " + this);
    }

    @Override
    public boolean send(byte[] audio) throws IOException {
        if (audio.length > MiAbi.MAX_DATA_SIZE) {
            throw new IllegalArgumentException("a B-channel frame is at most " + MiAbi.MAX_DATA_SIZE + " bytes, not "
                    + audio.length);
        }
        checkOpen();
        int id;
        synchronized (this) {
            id = sequence++ & 0xffff;
        }
        int r = NativeCard.send(fd, MiAbi.PH_DATA_REQ, id, audio, port, NO_ADDRESS);
        if (r == -MiAbi.EBUSY) {
            return false;
        }
        Errors.check(r, "PH_DATA_REQ on " + this);
        return true;
    }

    @Override
    void dispatch(int prim, int id, int addrChannel, byte[] payload) {
        switch (prim) {
            case MiAbi.PH_ACTIVATE_IND, MiAbi.PH_ACTIVATE_CNF -> listener.activated(true);
            case MiAbi.PH_DEACTIVATE_IND, MiAbi.PH_DEACTIVATE_CNF -> listener.activated(false);
            case MiAbi.PH_DATA_IND -> listener.received(payload);
            case MiAbi.PH_DATA_CNF -> listener.sent();
            default -> {
                // PH_CONTROL_IND (DTMF from the DSP) and others: nothing on a raw channel
            }
        }
    }

    @Override
    void gone(IOException why) {
        if (markClosed()) {
            listener.failed(why);
        }
    }

    @Override
    public String toString() {
        return "B-channel " + channel + " of port " + port;
    }
}
