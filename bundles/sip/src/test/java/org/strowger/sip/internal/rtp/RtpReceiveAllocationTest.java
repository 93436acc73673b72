package org.strowger.sip.internal.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

/**
 * The receive path's allocation budget: per voice packet the payload copy and its frame, nothing
 * per dropped packet. Measured in bytes allocated by this thread, so it does not depend on speed.
 * The packets are fed straight into the session (no socket), on this thread instead of the IO
 * thread, which stays idle because nothing is sent to the session's port.
 */
class RtpReceiveAllocationTest {

    private static final int PACKETS = 20_000;

    private final RtpEngine engine = new RtpEngine(RawPeer.LOOPBACK, 40000, 40100, 1);

    @AfterEach
    void stop() {
        engine.stop();
    }

    /** Counts without keeping anything, so the test itself allocates nothing per packet. */
    private static final class CountingReceiver implements RtpReceiver {
        long frames;
        long digits;

        @Override
        public void voice(VoiceFrame frame) {
            frames++;
        }

        @Override
        public void digitBegin(char digit) {
            digits++;
        }

        @Override
        public void digitEnd(char digit, Duration duration) {
            digits++;
        }
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeTrue(bean instanceof com.sun.management.ThreadMXBean, "no per-thread allocation counter");
        com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) bean;
        assumeTrue(sun.isThreadAllocatedMemorySupported() && sun.isThreadAllocatedMemoryEnabled());
        return sun;
    }

    private static long feed(RtpSession session, byte[][] packets, RtpHeaderView header, InetSocketAddress from) {
        com.sun.management.ThreadMXBean bean = threadBean();
        long thread = Thread.currentThread().getId();
        long before = bean.getThreadAllocatedBytes(thread);
        for (byte[] packet : packets) {
            session.onDatagram(packet, packet.length, from, header);
        }
        return bean.getThreadAllocatedBytes(thread) - before;
    }

    private static byte[][] packets(int payloadType, int payloadLength) {
        byte[][] packets = new byte[PACKETS][];
        for (int i = 0; i < PACKETS; i++) {
            packets[i] = new RtpPacket(false, payloadType, i, 160L * i, 77, new byte[payloadLength]).encode();
        }
        return packets;
    }

    @Test
    void voicePacketsCostOnlyTheirPayloadAndFrame() throws IOException {
        threadBean();
        engine.start();
        CountingReceiver receiver = new CountingReceiver();
        RtpSession session = engine.open(receiver);
        session.configure(Codec.ULAW, 0, 101);
        InetSocketAddress from = new InetSocketAddress(RawPeer.LOOPBACK, 9);
        RtpHeaderView header = new RtpHeaderView();
        feed(session, packets(0, 160), header, from); // warm up: JIT, latching, first-time logging

        long allocated = feed(session, packets(0, 160), header, from);

        assertThat(receiver.frames).isEqualTo(2L * PACKETS);
        // a 160-byte array (176 with its header) and a VoiceFrame (about 32): well under 300
        assertThat(allocated / PACKETS).isLessThan(300);
    }

    @Test
    void droppedPacketsCostNothing() throws IOException {
        threadBean();
        engine.start();
        RtpSession session = engine.open(new CountingReceiver());
        session.configure(Codec.ULAW, 0, 101);
        InetSocketAddress from = new InetSocketAddress(RawPeer.LOOPBACK, 9);
        RtpHeaderView header = new RtpHeaderView();
        byte[][] comfortNoise = packets(13, 1);
        feed(session, comfortNoise, header, from);

        long allocated = feed(session, comfortNoise, header, from);

        assertThat(allocated / PACKETS).isLessThan(8);
        assertThat(session.stats().dropped()).isEqualTo(2L * PACKETS);
    }
}
