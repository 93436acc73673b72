package org.strowger.sip.internal.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.ListeningPoint;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Request;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import gov.nist.javax.sip.SipStackImpl;

/**
 * A real JAIN-SIP stack on 127.0.0.1 (UDP and TCP on one free port) with the guard installed the
 * way SipTransports installs it, fed RFC 4475 messages from plain sockets.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RawMessageGuardStackTest {

    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private final List<String> warnings = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Request> delivered = new LinkedBlockingQueue<>();
    private SipStackImpl stack;
    private int port;

    @BeforeAll
    void startStack() throws Exception {
        port = freeUdpAndTcpPort();
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "raw-guard-test-" + port);
        properties.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "off");
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "2");
        properties.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        properties.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        properties.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        stack = new SipStackImpl(properties);
        RawMessageGuard guard = RawMessageGuard.install(stack, testLog(warnings), RawMessageGuard::datagramSource);
        assertThat(stack.getMessageParserFactory()).isSameAs(guard);
        assertThat(RawMessageGuard.install(stack)).as("idempotent").isSameAs(guard);
        ListeningPoint udp = stack.createListeningPoint("127.0.0.1", port, "udp");
        ListeningPoint tcp = stack.createListeningPoint("127.0.0.1", port, "tcp");
        SipProvider provider = stack.createSipProvider(udp);
        provider.addListeningPoint(tcp);
        provider.addSipListener(new Recorder());
        stack.start();
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void installingAfterTheFirstListeningPointIsRefused() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "raw-guard-late-" + port);
        SipStackImpl late = new SipStackImpl(properties);
        try {
            int otherPort;
            try (ServerSocket probe = new ServerSocket(0, 50, LOOPBACK)) {
                otherPort = probe.getLocalPort();
            }
            // TCP: stopping a UDP processor whose thread has not run yet hits a JAIN-SIP race (NPE)
            late.createListeningPoint("127.0.0.1", otherPort, "tcp");
            assertThatThrownBy(() -> RawMessageGuard.install(late)).isInstanceOf(IllegalStateException.class);
        } finally {
            late.stop();
        }
    }

    @Test
    void badversIsAnswered505() throws Exception {
        try (DatagramSocket client = client()) {
            send(client, RawScanTest.torture("badvers"));
            String response = receive(client);
            assertThat(statusLine(response)).startsWith("SIP/2.0 505 ");
            assertThat(header(response, "Call-ID")).isEqualTo("badvers.31417@c.example.com");
            assertThat(header(response, "CSeq")).isEqualTo("1 OPTIONS");
            awaitWarning("127.0.0.1:" + client.getLocalPort() + "/UDP rejected: version SIP/7.0 is not SIP/2.0; "
                    + "answered 505 Version Not Supported; start line \"OPTIONS sip:t.watson@example.org SIP/7.0\"");
        }
        assertThat(deliveredCallIds()).doesNotContain("badvers.31417@c.example.com");
    }

    @Test
    void multi01IsAnswered400() throws Exception {
        try (DatagramSocket client = client()) {
            send(client, RawScanTest.torture("multi01"));
            String response = receive(client);
            assertThat(statusLine(response))
                    .isEqualTo("SIP/2.0 400 Bad Request (repeated Call-ID, CSeq, From, To, Max-Forwards)");
            assertCleanStateless400(response);
            assertThat(header(response, "Call-ID")).isEqualTo("multi01.98asdh@192.0.2.1");
            assertThat(header(response, "CSeq")).isEqualTo("5 INVITE");
            assertThat(header(response, "Via")).isEqualTo("SIP/2.0/UDP 192.0.2.25;branch=z9hG4bKkdjuw");
            awaitWarning("127.0.0.1:" + client.getLocalPort()
                    + "/UDP rejected: repeated Call-ID, CSeq, From, To, Max-Forwards; answered 400 Bad Request; "
                    + "start line \"INVITE sip:user@company.com SIP/2.0\"");
        }
        assertThat(deliveredCallIds()).noneMatch(id -> id.startsWith("multi01"));
    }

    @Test
    void mcl01IsAnswered400() throws Exception {
        try (DatagramSocket client = client()) {
            send(client, RawScanTest.torture("mcl01"));
            String response = receive(client);
            assertThat(statusLine(response)).isEqualTo("SIP/2.0 400 Bad Request (2 Content-Length headers)");
            assertCleanStateless400(response);
            assertThat(header(response, "Call-ID")).isEqualTo("mcl01.fhn2323orihawfdoa3o4r52o3irsdf");
            awaitWarning("127.0.0.1:" + client.getLocalPort()
                    + "/UDP rejected: 2 Content-Length headers; answered 400 Bad Request");
        }
        assertThat(deliveredCallIds()).noneMatch(id -> id.startsWith("mcl01"));
    }

    @Test
    void contentLengthsThatDoNotFitTheDatagramStillGetOur400() throws Exception {
        // with the body read, JAIN-SIP's parser would reject this ("Invalid content length") first
        String request = options("cl-1", "SIP/2.0").replace("Content-Length: 0\r\n",
                "Content-Length: 9999\r\nContent-Length: 4\r\n") + "body";
        try (DatagramSocket client = client()) {
            send(client, request.getBytes(StandardCharsets.US_ASCII));
            String response = receive(client);
            assertThat(statusLine(response)).isEqualTo("SIP/2.0 400 Bad Request (2 Content-Length headers)");
            assertThat(header(response, "Call-ID")).isEqualTo("cl-1");
            assertCleanStateless400(response);
        }
    }

    @Test
    void repeatedCompactHeadersAreAnswered400Too() throws Exception {
        // JAIN-SIP's own automatic 400 cannot be built from compact headers; ours is built from the parsed request
        String compact = "OPTIONS sip:guard@127.0.0.1 SIP/2.0\r\n"
                + "v: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-compact\r\n"
                + "f: <sip:a@127.0.0.1>;tag=1\r\nt: <sip:guard@127.0.0.1>\r\n"
                + "i: compact-1\r\ni: compact-2\r\nCSeq: 7 OPTIONS\r\nl: 0\r\n\r\n";
        try (DatagramSocket client = client()) {
            send(client, compact.getBytes(StandardCharsets.US_ASCII));
            String response = receive(client);
            assertThat(statusLine(response)).isEqualTo("SIP/2.0 400 Bad Request (repeated Call-ID)");
            assertThat(header(response, "Call-ID")).isEqualTo("compact-1");
            assertCleanStateless400(response);
        }
    }

    @Test
    void anAckWithRepeatedHeadersIsDroppedNotAnswered() throws Exception {
        String ack = "ACK sip:guard@127.0.0.1 SIP/2.0\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-ack\r\n"
                + "From: <sip:a@127.0.0.1>;tag=1\r\nTo: <sip:guard@127.0.0.1>;tag=2\r\n"
                + "Call-ID: ack-1\r\nCSeq: 1 ACK\r\nCSeq: 2 ACK\r\nContent-Length: 0\r\n\r\n";
        try (DatagramSocket client = client()) {
            send(client, ack.getBytes(StandardCharsets.US_ASCII));
            awaitWarning("127.0.0.1:" + client.getLocalPort() + "/UDP rejected: repeated CSeq (ACK, never answered); dropped");
            client.setSoTimeout(300);
            assertThat(receiveOrNull(client)).isNull();
        }
    }

    private static void assertCleanStateless400(String response) {
        assertThat(header(response, "To")).as("a To tag is added").contains(";tag=");
        assertThat(header(response, "Content-Type")).as("no echo of the request").isNull();
        assertThat(header(response, "Content-Length")).isEqualTo("0");
        assertThat(response).endsWith("\r\n\r\n").containsOnlyOnce("\r\n\r\n");
    }

    @Test
    void garbageIsDroppedAndLogged() throws Exception {
        try (DatagramSocket client = client()) {
            byte[] garbage = "hello world\r\n\u0000\u00ff\u0001 not SIP at all\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1);
            send(client, garbage);
            awaitWarning("127.0.0.1:" + client.getLocalPort() + "/UDP rejected by the parser: ");
            assertThat(lineFor(client)).endsWith("; dropped; start line \"hello world\"");
            client.setSoTimeout(300);
            assertThat(receiveOrNull(client)).as("no answer to garbage").isNull();
        }
    }

    @Test
    void messagesTheStackRejectsSilentlyAreLogged() throws Exception {
        try (DatagramSocket client = client()) {
            send(client, RawScanTest.torture("insuf")); // INVITE without Call-ID, From, To
            awaitWarning("127.0.0.1:" + client.getLocalPort() + "/UDP rejected: no From header; dropped");
        }
        try (DatagramSocket client = client()) {
            send(client, "SIP/7.0 200 OK\r\nVia: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-r\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            awaitWarning("127.0.0.1:" + client.getLocalPort()
                    + "/UDP rejected: version SIP/7.0 is not SIP/2.0 (response); dropped; start line \"SIP/7.0 200 OK\"");
        }
        try (DatagramSocket client = client()) {
            send(client, RawScanTest.torture("mismatch01"));
            assertThat(statusLine(receive(client))).startsWith("SIP/2.0 400 ");
            awaitWarning("127.0.0.1:" + client.getLocalPort()
                    + "/UDP rejected: CSeq method INVITE is not the request's; JAIN-SIP answers 400");
        }
    }

    @Test
    void aFloodFromOneSourceLogsOneLine() throws Exception {
        try (DatagramSocket client = client()) {
            for (int i = 0; i < 20; i++) {
                send(client, ("garbage " + i + "\r\n").getBytes(StandardCharsets.US_ASCII));
            }
            awaitWarning("127.0.0.1:" + client.getLocalPort() + "/UDP rejected by the parser");
            Thread.sleep(200);
            assertThat(warnings).filteredOn(w -> w.contains(":" + client.getLocalPort() + "/UDP")).hasSize(1);
        }
    }

    @Test
    void inv2543GetsTheRestOfTheDatagramAsBodyAndCleanMessagesPassSilently() throws Exception {
        byte[] octets = RawScanTest.torture("inv2543");
        try (DatagramSocket client = client()) {
            client.send(new DatagramPacket(new byte[] {'\r', '\n', '\r', '\n'}, 4, LOOPBACK, port)); // keep-alive
            send(client, octets);
            Request invite = awaitDelivered("inv2543.1717@ift.client.example.com");
            String sdp = new String(invite.getRawContent(), StandardCharsets.US_ASCII);
            assertThat(sdp).startsWith("v=0\r\n").endsWith("m=audio 49217 RTP/AVP 0\r\n");
            assertThat(invite.getContentLength().getContentLength()).isEqualTo(sdp.length());

            send(client, options("clean-1", "SIP/2.0").getBytes(StandardCharsets.US_ASCII));
            awaitDelivered("clean-1");
            assertThat(warnings).noneMatch(w -> w.contains(":" + client.getLocalPort() + "/"));
        }
    }

    @Test
    void tcpBadversIsAnswered505() throws Exception {
        // the torture message's Via says UDP; over TCP JAIN-SIP would send the answer by UDP
        byte[] overTcp = new String(RawScanTest.torture("badvers"), StandardCharsets.ISO_8859_1)
                .replace("SIP/7.0/UDP", "SIP/7.0/TCP").getBytes(StandardCharsets.ISO_8859_1);
        try (Socket socket = tcpClient()) {
            socket.getOutputStream().write(overTcp);
            String response = readResponse(socket.getInputStream());
            assertThat(statusLine(response)).startsWith("SIP/2.0 505 ");
            assertThat(header(response, "Call-ID")).isEqualTo("badvers.31417@c.example.com");
            awaitWarning("127.0.0.1:" + socket.getLocalPort() + "/TCP rejected: version SIP/7.0 is not SIP/2.0; answered 505");
        }
    }

    @Test
    void tcpMcl01ClosesTheConnection() throws Exception {
        try (Socket socket = tcpClient()) {
            socket.getOutputStream().write(RawScanTest.torture("mcl01"));
            assertThat(socket.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
            awaitWarning("127.0.0.1:" + socket.getLocalPort()
                    + "/TCP rejected: 2 Content-Length headers (framing lost); connection closed");
        }
    }

    @Test
    void tcpMulti01ClosesTheConnection() throws Exception {
        try (Socket socket = tcpClient()) {
            socket.getOutputStream().write(RawScanTest.torture("multi01"));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
            awaitWarning("127.0.0.1:" + socket.getLocalPort()
                    + "/TCP rejected: repeated Call-ID, CSeq, From, To, Max-Forwards; connection closed");
        }
    }

    @Test
    void withoutTheDatagramSourceJainSipsOwn400IsTheFallback() throws Exception {
        List<String> fallbackWarnings = new CopyOnWriteArrayList<>();
        Properties properties = new Properties();
        properties.setProperty("javax.sip.STACK_NAME", "raw-guard-fallback-" + port);
        properties.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "1");
        SipStackImpl fallback = new SipStackImpl(properties);
        try (DatagramSocket client = client()) {
            RawMessageGuard.install(fallback, testLog(fallbackWarnings), channel -> null);
            int otherPort;
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0))) {
                otherPort = probe.getLocalPort();
            }
            fallback.createSipProvider(fallback.createListeningPoint("127.0.0.1", otherPort, "udp"))
                    .addSipListener(new Recorder());
            fallback.start();
            byte[] multi01 = RawScanTest.torture("multi01");
            client.send(new DatagramPacket(multi01, multi01.length, LOOPBACK, otherPort));
            String response = receive(client);
            // JAIN-SIP's automatic 400 (MessageChannel.createBadReqRes): our text in the reason phrase, the
            // request echoed as message/sipfrag after a stray empty line (a JAIN-SIP 1.3.0-91 defect)
            assertThat(statusLine(response))
                    .isEqualTo("SIP/2.0 400 Bad Request (repeated call-id, cseq, from, to, max-forwards)");
            assertThat(header(response, "Call-ID")).isEqualTo("multi01.98asdh@192.0.2.1");
            assertThat(header(response, "To")).endsWith(";tag=badreq");
            assertThat(response).contains("Content-Type: message/sipfrag\r\n\r\nContent-Length: ");
            await().atMost(Duration.ofSeconds(3)).untilAsserted(() -> assertThat(fallbackWarnings).singleElement()
                    .asString().startsWith("SIP message from 127.0.0.1:?/UDP rejected: repeated Call-ID, CSeq, From, To, "
                            + "Max-Forwards; JAIN-SIP answered 400"));
        } finally {
            fallback.stop();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private String options(String callId, String version) {
        return "OPTIONS sip:guard@127.0.0.1:" + port + " " + version + "\r\n"
                + "Via: SIP/2.0/UDP 127.0.0.1:9;branch=z9hG4bK-" + callId + "\r\n"
                + "Max-Forwards: 70\r\n"
                + "From: <sip:test@127.0.0.1>;tag=" + callId + "\r\n"
                + "To: <sip:guard@127.0.0.1>\r\n"
                + "Call-ID: " + callId + "\r\n"
                + "CSeq: 1 OPTIONS\r\n"
                + "Content-Length: 0\r\n\r\n";
    }

    /** The real limits per source, but no overall cap: every test here comes from a new source port. */
    private static DropLog testLog(List<String> sink) {
        return new DropLog(sink::add, System::nanoTime, DropLog.DEFAULT_WINDOW_NANOS, Integer.MAX_VALUE,
                DropLog.DEFAULT_MAX_SOURCES);
    }

    private DatagramSocket client() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(LOOPBACK, 0));
        socket.setSoTimeout(3000);
        return socket;
    }

    private Socket tcpClient() throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(LOOPBACK, port), 2000);
        socket.setSoTimeout(3000);
        return socket;
    }

    private void send(DatagramSocket client, byte[] octets) throws IOException {
        client.send(new DatagramPacket(octets, octets.length, LOOPBACK, port));
    }

    private static String receive(DatagramSocket client) throws IOException {
        String response = receiveOrNull(client);
        assertThat(response).as("a response").isNotNull();
        return response;
    }

    private static String receiveOrNull(DatagramSocket client) throws IOException {
        DatagramPacket packet = new DatagramPacket(new byte[65536], 65536);
        try {
            client.receive(packet);
        } catch (SocketTimeoutException none) {
            return null;
        }
        return new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1);
    }

    /** Reads one response's header section from a stream. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            out.write(b);
            if (out.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                break;
            }
        }
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static String statusLine(String response) {
        return response.substring(0, response.indexOf("\r\n"));
    }

    private static String header(String response, String name) {
        for (String line : response.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }

    private void awaitWarning(String fragment) {
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(warnings).anyMatch(w -> w.contains(fragment)));
    }

    private String lineFor(DatagramSocket client) {
        return warnings.stream().filter(w -> w.contains(":" + client.getLocalPort() + "/UDP")).findFirst().orElseThrow();
    }

    private Request awaitDelivered(String callId) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
        while (System.nanoTime() < deadline) {
            Request request = delivered.poll(50, TimeUnit.MILLISECONDS);
            if (request != null && callId.equals(((CallIdHeader) request.getHeader(CallIdHeader.NAME)).getCallId())) {
                return request;
            }
        }
        throw new AssertionError("request " + callId + " not delivered; warnings: " + warnings);
    }

    private List<String> deliveredCallIds() {
        return delivered.stream().map(r -> ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId()).toList();
    }

    private static int freeUdpAndTcpPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            try (ServerSocket tcp = new ServerSocket(0, 50, LOOPBACK);
                    DatagramSocket udp = new DatagramSocket(new InetSocketAddress(LOOPBACK, tcp.getLocalPort()))) {
                return tcp.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no port free for both UDP and TCP on 127.0.0.1");
    }

    /** A trivial UAS: records requests, answers nothing. */
    private final class Recorder implements SipListener {
        @Override
        public void processRequest(RequestEvent event) {
            delivered.add(event.getRequest());
        }

        @Override
        public void processResponse(ResponseEvent event) {
        }

        @Override
        public void processTimeout(TimeoutEvent event) {
        }

        @Override
        public void processIOException(IOExceptionEvent event) {
        }

        @Override
        public void processTransactionTerminated(TransactionTerminatedEvent event) {
        }

        @Override
        public void processDialogTerminated(DialogTerminatedEvent event) {
        }
    }
}
