package org.strowger.sip.internal.rtp;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/** A plain UDP socket playing the far end, to send and inspect exact packets. */
final class RawPeer implements AutoCloseable {

    static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final DatagramSocket socket;

    RawPeer() throws IOException {
        socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout(2000); // only a guard against a hanging test
    }

    InetSocketAddress address() {
        return new InetSocketAddress(LOOPBACK, socket.getLocalPort());
    }

    void send(byte[] datagram, RtpSession to) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, LOOPBACK, to.localPort()));
    }

    void send(RtpPacket packet, RtpSession to) throws IOException {
        send(packet.encode(), to);
    }

    /** The next packet sent to us; fails after the guard timeout. */
    RtpPacket receive() throws IOException {
        byte[] buffer = new byte[2048];
        DatagramPacket datagram = new DatagramPacket(buffer, buffer.length);
        socket.receive(datagram);
        return RtpPacket.decode(buffer, datagram.getLength());
    }

    @Override
    public void close() {
        socket.close();
    }
}
