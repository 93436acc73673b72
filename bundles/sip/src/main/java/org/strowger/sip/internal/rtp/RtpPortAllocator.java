package org.strowger.sip.internal.rtp;

import java.io.IOException;
import java.net.BindException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out even RTP ports from a range, round robin, each bound to a fresh UDP socket. Only even
 * ports whose odd neighbour (RTCP) is still in the range are used, so no session's RTP port is
 * another one's RTCP port. Ports other processes hold are skipped: a failed bind moves on to the
 * next port. Thread-safe.
 */
final class RtpPortAllocator {

    private final int portMin;
    private final int portMax;
    private final int first;
    private final int last;
    private final Set<Integer> inUse = new HashSet<>();
    private int next;

    RtpPortAllocator(int portMin, int portMax) {
        if (portMin < 1 || portMax > 65535 || portMin > portMax) {
            throw new IllegalArgumentException("RTP port range " + portMin + "-" + portMax + " is not within 1-65535");
        }
        this.portMin = portMin;
        this.portMax = portMax;
        this.first = portMin % 2 == 0 ? portMin : portMin + 1;
        int lastEven = portMax % 2 == 0 ? portMax - 2 : portMax - 1;
        this.last = lastEven;
        if (first > last) {
            throw new IllegalArgumentException("RTP port range " + portMin + "-" + portMax
                    + " holds no even port with its RTCP port beside it");
        }
        this.next = first;
    }

    /**
     * Binds a non-blocking UDP socket to the next free even port.
     *
     * @throws IOException "no free RTP port in MIN-MAX" when every port is taken
     */
    synchronized DatagramChannel bindNext(InetAddress address) throws IOException {
        int candidates = (last - first) / 2 + 1;
        for (int tried = 0; tried < candidates; tried++) {
            int port = next;
            next = port + 2 > last ? first : port + 2;
            if (inUse.contains(port)) {
                continue;
            }
            DatagramChannel channel = tryBind(address, port);
            if (channel != null) {
                inUse.add(port);
                return channel;
            }
        }
        throw new IOException("no free RTP port in " + portMin + "-" + portMax);
    }

    synchronized void release(int port) {
        inUse.remove(port);
    }

    synchronized int inUseCount() {
        return inUse.size();
    }

    private static DatagramChannel tryBind(InetAddress address, int port) throws IOException {
        DatagramChannel channel = address instanceof Inet4Address
                ? DatagramChannel.open(StandardProtocolFamily.INET)
                : DatagramChannel.open();
        try {
            channel.bind(new InetSocketAddress(address, port));
            channel.configureBlocking(false);
            return channel;
        } catch (BindException busy) {
            channel.close();
            return null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }
}
