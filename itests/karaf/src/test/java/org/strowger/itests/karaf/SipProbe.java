package org.strowger.itests.karaf;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** A one-shot OPTIONS over UDP: the status line of the answer, or "" after 5 s of silence. */
final class SipProbe {

    private SipProbe() {
    }

    static String options(int port, String fromUser) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            socket.setSoTimeout(5000);
            int local = socket.getLocalPort();
            String request = "OPTIONS sip:strowger@127.0.0.1:" + port + " SIP/2.0\r\n"
                    + "Via: SIP/2.0/UDP 127.0.0.1:" + local + ";branch=z9hG4bK" + UUID.randomUUID() + "\r\n"
                    + "Max-Forwards: 70\r\n"
                    + "From: <sip:" + fromUser + "@127.0.0.1>;tag=probe\r\n"
                    + "To: <sip:strowger@127.0.0.1>\r\n"
                    + "Call-ID: " + UUID.randomUUID() + "@127.0.0.1\r\n"
                    + "CSeq: 1 OPTIONS\r\n"
                    + "Content-Length: 0\r\n\r\n";
            byte[] bytes = request.getBytes(StandardCharsets.US_ASCII);
            socket.send(new DatagramPacket(bytes, bytes.length, InetAddress.getLoopbackAddress(), port));
            byte[] buffer = new byte[4096];
            DatagramPacket answer = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(answer);
            } catch (java.net.SocketTimeoutException e) {
                return "";
            }
            return new String(buffer, 0, answer.getLength(), StandardCharsets.US_ASCII);
        }
    }
}
