package org.strowger.itests.felix.sip;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test's own RTP endpoint for a call that sipp signals: sipp offers this probe's port in its
 * SDP (scenario variable {@code rtp_port}) and writes the answered media address to
 * {@link #mediaInfoFile()} (variable {@code media_info}); the probe then sends PCMA there from
 * the same port and counts what comes back. Symmetric, so it works whether the platform sends
 * to the SDP address or to the packets' source.
 *
 * <p>Every packet it sends carries its sequence number in the first two payload bytes, so a
 * packet coming back with a payload identical to one sent is counted as {@link #echoed()};
 * anything else that arrives (a prompt, comfort noise) only counts as {@link #received()}.
 *
 * <p>RFC 4733: {@link #sendDigit} sends a DTMF event (begin and update packets, then three end
 * packets with the same timestamp) on the sequence numbers and timestamps of the same stream, and
 * every telephone-event-sized packet (4 payload bytes, not PCMA/PCMU) that arrives is kept as an
 * {@link Event} (see {@link #events()}).
 */
public final class RtpProbe implements AutoCloseable {

    private static final int PAYLOAD_PCMA = 8;
    private static final int PAYLOAD_PCMU = 0;
    private static final int FRAME_BYTES = 160;
    private static final long FRAME_NANOS = 20_000_000L;

    private final DatagramSocket socket;
    private final Path mediaInfoDir;
    private final Path mediaInfo;
    private final Thread receiver;
    private final int ssrc = ThreadLocalRandom.current().nextInt();
    private final byte[] tone = Tones.pcmaTone(400, FRAME_BYTES * 50);
    private final Map<Integer, byte[]> sentPayloads = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicInteger received = new AtomicInteger();
    private final AtomicInteger echoed = new AtomicInteger();
    private final List<Event> events = new CopyOnWriteArrayList<>();
    /** Every PCMA payload received, in arrival order (bounded), for echoes whose framing changed on the way. */
    private final java.io.ByteArrayOutputStream receivedAudio = new java.io.ByteArrayOutputStream();
    /** Where the stream is: every packet sent takes the next sequence number; timestamps follow the media clock. */
    private int nextSequence = ThreadLocalRandom.current().nextInt(0, 0x8000);
    private long nextTimestamp = ThreadLocalRandom.current().nextInt(0, 0x10000);
    private volatile InetSocketAddress lastSource;
    private volatile boolean closed;

    private RtpProbe(DatagramSocket socket, Path mediaInfoDir) {
        this.socket = socket;
        this.mediaInfoDir = mediaInfoDir;
        this.mediaInfo = mediaInfoDir.resolve("media-info.txt");
        this.receiver = new Thread(this::receive, "rtp-probe-" + socket.getLocalPort());
        this.receiver.setDaemon(true);
        this.receiver.start();
    }

    /** Binds a UDP port on 127.0.0.1 and starts counting what arrives on it. */
    public static RtpProbe open() throws IOException {
        DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(FreePorts.HOST), 0));
        socket.setSoTimeout(100);
        return new RtpProbe(socket, WorkDirs.create("rtp-probe-"));
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Where the scenario writes "IP PORT" of the answered media; it does not exist before. */
    public Path mediaInfoFile() {
        return mediaInfo;
    }

    /** Waits for the scenario to write the peer's media address. */
    public InetSocketAddress awaitPeer(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.exists(mediaInfo)) {
                String[] parts = Files.readString(mediaInfo, StandardCharsets.US_ASCII).trim().split("\\s+");
                if (parts.length == 2) {
                    return new InetSocketAddress(InetAddress.getByName(parts[0]), Integer.parseInt(parts[1]));
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no media address in " + mediaInfo + " after " + timeout.toMillis()
                + " ms (was the call answered? is media_info set?)");
    }

    /** Sends 20 ms PCMA frames to {@code peer} for {@code duration}, paced in real time. */
    public synchronized int stream(InetSocketAddress peer, Duration duration) throws IOException, InterruptedException {
        int frames = (int) Math.max(1, duration.toNanos() / FRAME_NANOS);
        long start = System.nanoTime();
        for (int i = 0; i < frames && !closed; i++) {
            pace(start, i);
            int seq = nextSequence();
            byte[] packet = packet(seq, (int) nextTimestamp, i);
            nextTimestamp += FRAME_BYTES;
            sentPayloads.put(seq, Arrays.copyOfRange(packet, 12, packet.length));
            socket.send(new DatagramPacket(packet, packet.length, peer));
            sent.incrementAndGet();
        }
        return frames;
    }

    /**
     * Sends one RFC 4733 DTMF event to {@code peer} as a phone does, a packet every 20 ms: the begin
     * packet (marker bit, duration 160), {@code updates} more packets with growing durations, then
     * three end packets (end bit) with the final duration; all of them carry the event's start
     * timestamp, each its own sequence number.
     *
     * @param payloadType the telephone-event type the answer negotiated
     * @param event       0-9 for the digits, 10 {@code *}, 11 {@code #}, 12-15 A-D
     * @return the event's duration in the end packets, in samples (8 kHz)
     */
    public synchronized int sendDigit(InetSocketAddress peer, int payloadType, int event, int updates)
            throws IOException, InterruptedException {
        long timestamp = nextTimestamp;
        long start = System.nanoTime();
        int packets = 1 + updates + 3;
        int duration = 0;
        for (int i = 0; i < packets && !closed; i++) {
            pace(start, i);
            boolean end = i > updates;
            if (!end) {
                duration += FRAME_BYTES;
            }
            byte[] packet = new byte[16];
            packet[0] = (byte) 0x80;
            packet[1] = (byte) ((i == 0 ? 0x80 : 0) | payloadType);
            int seq = nextSequence();
            packet[2] = (byte) (seq >> 8);
            packet[3] = (byte) seq;
            putInt(packet, 4, (int) timestamp);
            putInt(packet, 8, ssrc);
            packet[12] = (byte) event;
            packet[13] = (byte) ((end ? 0x80 : 0) | 10);
            packet[14] = (byte) (duration >> 8);
            packet[15] = (byte) duration;
            socket.send(new DatagramPacket(packet, packet.length, peer));
            sent.incrementAndGet();
        }
        nextTimestamp = timestamp + duration;
        return duration;
    }

    /** The telephone-event packets received so far, in arrival order. */
    public List<Event> events() {
        return List.copyOf(events);
    }

    /** One RFC 4733 packet as it arrived. */
    public record Event(int payloadType, boolean marker, int sequence, long timestamp, int event, boolean end,
            int duration) {
    }

    private int nextSequence() {
        int seq = nextSequence;
        nextSequence = (seq + 1) & 0xFFFF;
        return seq;
    }

    private static void pace(long start, int i) throws InterruptedException {
        long wait = start + i * FRAME_NANOS - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000L, (int) (wait % 1_000_000L));
        }
    }

    /** Waits until at least {@code count} packets came back as echoes. */
    public boolean awaitEchoed(int count, Duration timeout) throws InterruptedException {
        return await(echoed, count, timeout);
    }

    /** Waits until at least {@code count} packets arrived, echoes or not. */
    public boolean awaitReceived(int count, Duration timeout) throws InterruptedException {
        return await(received, count, timeout);
    }

    private static boolean await(AtomicInteger counter, int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (counter.get() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    public int sent() {
        return sent.get();
    }

    private void keepAudio(byte[] buffer, int length) {
        int headerLength = 12 + 4 * (buffer[0] & 0x0F);
        if ((buffer[1] & 0x7F) != PAYLOAD_PCMA || length <= headerLength) {
            return;
        }
        synchronized (receivedAudio) {
            if (receivedAudio.size() < 1 << 20) {
                receivedAudio.write(buffer, headerLength, length - headerLength);
            }
        }
    }

    /**
     * How many of the frames sent came back byte for byte somewhere in the audio received, whatever
     * the packet boundaries on the way back (a path that re-frames audio, such as an ISDN B-channel
     * paced in 16 ms chunks, shifts them).
     */
    public int framesFoundInAudio() {
        byte[] audio;
        synchronized (receivedAudio) {
            audio = receivedAudio.toByteArray();
        }
        int found = 0;
        for (byte[] frame : sentPayloads.values()) {
            if (indexOf(audio, frame) >= 0) {
                found++;
            }
        }
        return found;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public int received() {
        return received.get();
    }

    public int echoed() {
        return echoed.get();
    }

    /** Where the last packet came from, or null. */
    public InetSocketAddress lastSource() {
        return lastSource;
    }

    public String describe() {
        return "RTP probe on " + FreePorts.HOST + ":" + port() + ": sent " + sent() + ", received " + received()
                + " (" + echoed() + " echoes of ours), last from " + lastSource
                + (events.isEmpty() ? "" : ", telephone-events " + events);
    }

    @Override
    public String toString() {
        return describe();
    }

    private byte[] packet(int seq, int timestamp, int frame) {
        byte[] packet = new byte[12 + FRAME_BYTES];
        packet[0] = (byte) 0x80;
        packet[1] = (byte) PAYLOAD_PCMA;
        packet[2] = (byte) (seq >> 8);
        packet[3] = (byte) seq;
        putInt(packet, 4, timestamp);
        putInt(packet, 8, ssrc);
        int offset = (frame * FRAME_BYTES) % tone.length;
        System.arraycopy(tone, offset, packet, 12, FRAME_BYTES);
        packet[12] = (byte) (seq >> 8);
        packet[13] = (byte) seq;
        return packet;
    }

    private static void putInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >> 24);
        b[at + 1] = (byte) (value >> 16);
        b[at + 2] = (byte) (value >> 8);
        b[at + 3] = (byte) value;
    }

    private void receive() {
        byte[] buffer = new byte[2048];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        while (!closed) {
            try {
                packet.setLength(buffer.length);
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (SocketException e) {
                return;
            } catch (IOException e) {
                continue;
            }
            int length = packet.getLength();
            if (length < 12 || (buffer[0] & 0xC0) != 0x80) {
                continue;
            }
            received.incrementAndGet();
            lastSource = (InetSocketAddress) packet.getSocketAddress();
            if (isEcho(buffer, length)) {
                echoed.incrementAndGet();
            }
            keepAudio(buffer, length);
            recordEvent(buffer, length);
        }
    }

    private void recordEvent(byte[] buffer, int length) {
        int payloadType = buffer[1] & 0x7F;
        int headerLength = 12 + 4 * (buffer[0] & 0x0F);
        if (payloadType == PAYLOAD_PCMA || payloadType == PAYLOAD_PCMU || length - headerLength != 4) {
            return;
        }
        long timestamp = ((buffer[4] & 0xFFL) << 24) | ((buffer[5] & 0xFF) << 16) | ((buffer[6] & 0xFF) << 8)
                | (buffer[7] & 0xFF);
        events.add(new Event(payloadType, (buffer[1] & 0x80) != 0, ((buffer[2] & 0xFF) << 8) | (buffer[3] & 0xFF),
                timestamp, buffer[headerLength] & 0xFF, (buffer[headerLength + 1] & 0x80) != 0,
                ((buffer[headerLength + 2] & 0xFF) << 8) | (buffer[headerLength + 3] & 0xFF)));
    }

    private boolean isEcho(byte[] buffer, int length) {
        int headerLength = 12 + 4 * (buffer[0] & 0x0F);
        if ((buffer[0] & 0x10) != 0 && length >= headerLength + 4) {
            headerLength += 4 + 4 * (((buffer[headerLength + 2] & 0xFF) << 8) | (buffer[headerLength + 3] & 0xFF));
        }
        if (length - headerLength != FRAME_BYTES) {
            return false;
        }
        int seq = ((buffer[headerLength] & 0xFF) << 8) | (buffer[headerLength + 1] & 0xFF);
        byte[] payload = sentPayloads.get(seq);
        return payload != null && Arrays.equals(buffer, headerLength, headerLength + FRAME_BYTES, payload, 0, FRAME_BYTES);
    }

    @Override
    public void close() throws IOException {
        closed = true;
        socket.close();
        try {
            receiver.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Files.deleteIfExists(mediaInfo);
        Files.deleteIfExists(mediaInfo.resolveSibling("media-info.txt.tmp"));
        Files.deleteIfExists(mediaInfoDir);
    }
}
