package org.strowger.misdn.card.internal;

import java.io.IOException;

import org.strowger.misdn.card.DChannel;
import org.strowger.misdn.card.PortRole;

/** A LAPD socket (LAPD_TE or LAPD_NT): DL_* primitives down, their indications up. */
final class NativeDChannel extends NativeCard.Chan implements DChannel {

    private static final int NO_ADDRESS = -1;

    private final int port;
    private final PortRole role;
    private final Listener listener;

    NativeDChannel(NativeCard card, int fd, int port, PortRole role, Listener listener) {
        super(card, fd);
        this.port = port;
        this.role = role;
        this.listener = listener;
    }

    @Override
    public void establish() throws IOException {
        request(MiAbi.DL_ESTABLISH_REQ, null, NO_ADDRESS, "DL_ESTABLISH_REQ");
    }

    @Override
    public void release() throws IOException {
        request(MiAbi.DL_RELEASE_REQ, null, NO_ADDRESS, "DL_RELEASE_REQ");
    }

    @Override
    public void send(int ces, byte[] message) throws IOException {
        checkLength(message);
        // the NT addresses a terminal's link by CES; a TE has one link, its own entity
        request(MiAbi.DL_DATA_REQ, message, role == PortRole.NT ? ces : NO_ADDRESS, "DL_DATA_REQ");
    }

    @Override
    public void sendUnitData(byte[] message) throws IOException {
        checkLength(message);
        request(MiAbi.DL_UNITDATA_REQ, message, role == PortRole.NT ? 0 : NO_ADDRESS, "DL_UNITDATA_REQ");
    }

    private static void checkLength(byte[] message) {
        if (message.length > MiAbi.MAX_DFRAME_LEN) {
            throw new IllegalArgumentException("a Q.931 message is at most " + MiAbi.MAX_DFRAME_LEN + " bytes, not "
                    + message.length);
        }
    }

    private void request(int prim, byte[] payload, int channel, String what) throws IOException {
        checkOpen();
        Errors.check(NativeCard.send(fd, prim, MiAbi.ID_ANY, payload, port, channel), what + " on " + this);
    }

    @Override
    void dispatch(int prim, int id, int addrChannel, byte[] payload) {
        switch (prim) {
            case MiAbi.PH_ACTIVATE_IND, MiAbi.PH_ACTIVATE_CNF, MiAbi.MPH_ACTIVATE_IND -> listener.layer1(true);
            case MiAbi.PH_DEACTIVATE_IND, MiAbi.PH_DEACTIVATE_CNF, MiAbi.MPH_DEACTIVATE_IND -> listener.layer1(false);
            case MiAbi.DL_ESTABLISH_IND, MiAbi.DL_ESTABLISH_CNF -> listener.established(addrChannel);
            case MiAbi.DL_RELEASE_IND, MiAbi.DL_RELEASE_CNF -> listener.released(addrChannel);
            case MiAbi.DL_DATA_IND -> listener.received(addrChannel, payload, false);
            case MiAbi.DL_UNITDATA_IND -> listener.received(addrChannel, payload, true);
            default -> {
                // DL_INFORMATION_IND (TEI assigned/removed) and others: nothing the API reports
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
        return "D-channel of port " + port + " (" + role + ")";
    }
}
