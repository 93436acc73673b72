package org.strowger.itests.felix.sip;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Picks ports on 127.0.0.1 that are free right now, for SIP peers, media and sipp's control
 * socket. Ports are drawn at random from 20000-32767, below Linux's default ephemeral range
 * (32768-60999) so that the kernel is unlikely to hand them to someone else's outgoing socket
 * between the check and the use; a port handed out once is not handed out again by this JVM.
 * Never a well-known port: 5060, 5061 and 5070 may belong to a running platform.
 */
public final class FreePorts {

    /** The address every wire test uses. */
    public static final String HOST = "127.0.0.1";

    private static final int LOW = 20000;
    private static final int HIGH = 32768;
    private static final int ATTEMPTS = 500;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    /** A port free for both UDP and TCP: a SIP listening port. */
    public static int sip() {
        return range(1, true)[0];
    }

    /** A port free for UDP: sipp's control socket (-cp), an RTP probe. */
    public static int udp() {
        return range(1, false)[0];
    }

    /**
     * The base of a media port block: base .. base+3 free for UDP. sipp binds -mp and -mp+2
     * (audio and video echo sockets); +1 and +3 stay free for RTCP.
     */
    public static int media() {
        return range(4, false)[0];
    }

    /** {@code count} consecutive ports, each free for UDP and TCP. */
    public static int[] sipRange(int count) {
        return range(count, true);
    }

    /** {@code count} consecutive ports, each free for UDP (an RTP port range). */
    public static int[] udpRange(int count) {
        return range(count, false);
    }

    private static synchronized int[] range(int count, boolean tcpToo) {
        if (count < 1 || count > 1000) {
            throw new IllegalArgumentException("count " + count);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int base = LOW + random.nextInt(HIGH - LOW - count);
            if (allFree(base, count, tcpToo)) {
                int[] ports = new int[count];
                for (int i = 0; i < count; i++) {
                    ports[i] = base + i;
                    HANDED_OUT.add(base + i);
                }
                return ports;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports on " + HOST
                + " after " + ATTEMPTS + " attempts");
    }

    private static boolean allFree(int base, int count, boolean tcpToo) {
        for (int port = base; port < base + count; port++) {
            if (HANDED_OUT.contains(port) || !udpFree(port) || (tcpToo && !tcpFree(port))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Someone has bound {@code port} (UDP) or listens on it (TCP), as far as /proc/net tells,
     * which looks without binding and so cannot race with the process about to bind it. Null
     * when /proc/net is not readable (not Linux).
     */
    static Boolean bound(int port) {
        String hexPort = String.format(":%04X ", port);
        boolean readable = false;
        for (String table : new String[] {"udp", "udp6", "tcp", "tcp6"}) {
            java.nio.file.Path file = java.nio.file.Path.of("/proc/net", table);
            List<String> lines;
            try {
                lines = java.nio.file.Files.readAllLines(file);
            } catch (IOException e) {
                continue;
            }
            readable = true;
            boolean tcp = table.startsWith("tcp");
            for (String line : lines) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 3 && (fields[1] + " ").endsWith(hexPort) && (!tcp || "0A".equals(fields[3]))) {
                    return true;
                }
            }
        }
        return readable ? false : null;
    }

    static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static boolean tcpFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(InetAddress.getByName(HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
