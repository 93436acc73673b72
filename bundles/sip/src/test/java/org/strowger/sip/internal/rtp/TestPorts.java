package org.strowger.sip.internal.rtp;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;

/** Ports for tests that need a range of exactly one RTP port. */
final class TestPorts {

    private TestPorts() {
    }

    /** An even port in the range whose odd neighbour is free too (right now). */
    static int freeEvenPort(int from, int to) {
        for (int port = from; port + 1 <= to; port += 2) {
            if (isFree(port) && isFree(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free port pair in " + from + "-" + to);
    }

    static boolean isFree(int port) {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(RawPeer.LOOPBACK, port))) {
            return true;
        } catch (IOException busy) {
            return false;
        }
    }
}
