package org.strowger.sip.internal.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RtpPortAllocatorTest {

    private final List<DatagramChannel> bound = new ArrayList<>();

    @AfterEach
    void closeAll() throws IOException {
        for (DatagramChannel channel : bound) {
            channel.close();
        }
    }

    private int bind(RtpPortAllocator allocator) throws IOException {
        DatagramChannel channel = allocator.bindNext(RawPeer.LOOPBACK);
        bound.add(channel);
        return ((InetSocketAddress) channel.getLocalAddress()).getPort();
    }

    @Test
    void handsOutEvenPortsOnlyLeavingRoomForRtcp() throws IOException {
        int first = TestPorts.freeEvenPort(40000, 40100);
        RtpPortAllocator allocator = new RtpPortAllocator(first - 1, first + 2);

        assertThat(bind(allocator)).isEqualTo(first);
        assertThatThrownBy(() -> bind(allocator))
                .isInstanceOf(IOException.class)
                .hasMessage("no free RTP port in " + (first - 1) + "-" + (first + 2));
    }

    @Test
    void skipsPortsOtherProcessesHold() throws IOException {
        int busy = TestPorts.freeEvenPort(40000, 40098);
        try (DatagramSocket other = new DatagramSocket(new InetSocketAddress(RawPeer.LOOPBACK, busy))) {
            RtpPortAllocator allocator = new RtpPortAllocator(busy, busy + 5);

            int port = bind(allocator);

            assertThat(port).isIn(busy + 2, busy + 4);
        }
    }

    @Test
    void exhaustionNamesTheRange() throws IOException {
        int port = TestPorts.freeEvenPort(40000, 40100);
        RtpPortAllocator allocator = new RtpPortAllocator(port, port + 1);
        bind(allocator);

        assertThatThrownBy(() -> bind(allocator))
                .isInstanceOf(IOException.class)
                .hasMessage("no free RTP port in " + port + "-" + (port + 1));
    }

    @Test
    void releasedPortsComeRoundAgain() throws IOException {
        int port = TestPorts.freeEvenPort(40000, 40100);
        RtpPortAllocator allocator = new RtpPortAllocator(port, port + 1);
        bind(allocator);
        bound.remove(0).close();

        allocator.release(port);

        assertThat(bind(allocator)).isEqualTo(port);
        assertThat(allocator.inUseCount()).isEqualTo(1);
    }

    @Test
    void rangesWithoutAnRtpRtcpPairAreRefused() {
        assertThatThrownBy(() -> new RtpPortAllocator(40001, 40002))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("40001-40002");
        assertThatThrownBy(() -> new RtpPortAllocator(20000, 10000))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
