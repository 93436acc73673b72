package org.strowger.sip.internal.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

/** What a session makes of packets from a plain socket. */
class RtpSessionReceiveTest {

    private static final long SSRC = 0x1234;

    private final RtpEngine engine = new RtpEngine(RawPeer.LOOPBACK, 40000, 40100, 1);
    private final RecordingReceiver receiver = new RecordingReceiver();
    private RawPeer peer;
    private RtpSession session;

    @BeforeEach
    void open() throws IOException {
        engine.start();
        peer = new RawPeer();
        session = engine.open(receiver);
        session.configure(Codec.ALAW, 8, 96);
    }

    @AfterEach
    void close() {
        engine.stop();
        peer.close();
    }

    private static RtpPacket audio(int sequence, long timestamp, int fill) {
        byte[] payload = new byte[160];
        java.util.Arrays.fill(payload, (byte) fill);
        return new RtpPacket(false, 8, sequence, timestamp, SSRC, payload);
    }

    private static RtpPacket event(int sequence, long timestamp, int code, boolean end, int duration) {
        byte[] payload = new byte[4];
        TelephoneEvent.write(payload, 0, code, end, duration);
        return new RtpPacket(!end && duration <= 160, 96, sequence, timestamp, SSRC, payload);
    }

    @Test
    void audioArrivesAsFramesInTheSessionCodecOnTheIoThread() throws IOException {
        peer.send(audio(10, 16000, 0x55), session);
        peer.send(audio(11, 16160, 0x56), session);

        await().atMost(Duration.ofSeconds(2)).until(() -> receiver.frames.size() == 2);
        VoiceFrame first = receiver.frameList().get(0);
        assertThat(first.codec()).isEqualTo(Codec.ALAW);
        assertThat(first.samples()).isEqualTo(160);
        assertThat(first.timestamp()).isEqualTo(16000);
        assertThat(first.payload()).hasSize(160).containsOnly(0x55);
        assertThat(receiver.frameList().get(1).timestamp()).isEqualTo(16160);
        assertThat(receiver.threads).containsOnly("rtp-io-1");
        assertThat(session.stats().packetsIn()).isEqualTo(2);
    }

    @Test
    void paddingCsrcsAndExtensionsAreStrippedFromTheAudio() throws IOException {
        peer.send(new RtpPacket(false, 8, 1, 0, SSRC, new byte[] {1, 2, 3}).withCsrcs(7).withPadding(4)
                .withExtension(0xBEDE, new byte[4]), session);

        await().atMost(Duration.ofSeconds(2)).until(() -> receiver.frames.size() == 1);
        assertThat(receiver.frameList().get(0).payload()).containsExactly(1, 2, 3);
    }

    @Test
    void gapsAreCountedAsLostAndLateOrRepeatedPacketsDropped() throws IOException {
        peer.send(audio(1, 0, 1), session);
        peer.send(audio(2, 160, 2), session);
        peer.send(audio(5, 640, 5), session);
        peer.send(audio(4, 480, 4), session);
        peer.send(audio(5, 640, 5), session);
        peer.send(audio(6, 800, 6), session);

        await().atMost(Duration.ofSeconds(2)).until(() -> receiver.frames.size() == 4
                && session.stats().lateOrDuplicate() == 2);
        assertThat(receiver.frameList()).extracting(VoiceFrame::timestamp).containsExactly(0L, 160L, 640L, 800L);
        assertThat(session.stats().packetsLost()).isEqualTo(2);
        assertThat(engine.stats().packetsLost()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void digitsAreReportedOnceEachDespiteUpdatesRedundantEndsAndRetransmissions() throws IOException {
        peer.send(event(1, 8000, 5, false, 160), session);
        peer.send(event(2, 8000, 5, false, 320), session);
        peer.send(event(3, 8000, 5, true, 800), session);
        peer.send(event(4, 8000, 5, true, 800), session);
        peer.send(event(5, 8000, 5, true, 800), session);
        peer.send(event(3, 8000, 5, true, 800), session); // a network duplicate
        peer.send(event(6, 9600, 10, false, 160), session);
        peer.send(event(7, 9600, 10, true, 400), session);

        await().atMost(Duration.ofSeconds(2)).until(() -> receiver.digits.size() == 4);
        await().atMost(Duration.ofSeconds(2)).until(() -> session.stats().packetsIn()
                + session.stats().lateOrDuplicate() == 8);
        assertThat(receiver.digitList()).containsExactly("begin 5", "end 5 100ms", "begin *", "end * 50ms");
        assertThat(receiver.frames).isEmpty();
    }

    @Test
    void malformedAndUnnegotiatedPacketsAreCountedAndDroppedWithoutHarm() throws IOException {
        peer.send(new byte[] {1, 2, 3}, session);
        byte[] versionOne = audio(1, 0, 0).encode();
        versionOne[0] = 0x40;
        peer.send(versionOne, session);
        byte[] csrcOverflow = new RtpPacket(false, 8, 1, 0, SSRC, new byte[0]).encode();
        csrcOverflow[0] = (byte) 0x8F;
        peer.send(csrcOverflow, session);
        byte[] paddingOverflow = audio(1, 0, 0).encode();
        paddingOverflow[0] = (byte) 0xA0;
        paddingOverflow[paddingOverflow.length - 1] = (byte) 250;
        peer.send(paddingOverflow, session);
        peer.send(new RtpPacket(false, 13, 1, 0, SSRC, new byte[] {40}), session); // comfort noise
        peer.send(new RtpPacket(false, 99, 1, 0, SSRC, new byte[10]), session);
        peer.send(new RtpPacket(false, 96, 1, 0, SSRC, new byte[2]), session); // event payload too short
        peer.send(new byte[3000], session); // larger than any RTP we take
        peer.send(audio(1, 0, 9), session);

        await().atMost(Duration.ofSeconds(2)).until(() -> receiver.frames.size() == 1);
        assertThat(session.stats().dropped()).isEqualTo(8);
        assertThat(session.stats().packetsIn()).isEqualTo(1);
        assertThat(engine.stats().badPackets()).isGreaterThanOrEqualTo(8);
        assertThat(receiver.frameList().get(0).payload()).containsOnly(9);
    }

    @Test
    void latchesOntoTheRealSourceOfNegotiatedPacketsOnly() throws IOException {
        InetSocketAddress fromSdp = new InetSocketAddress(RawPeer.LOOPBACK, 9);
        session.setRemote(fromSdp);
        try (RawPeer stranger = new RawPeer()) {
            stranger.send(new RtpPacket(false, 13, 1, 0, 99, new byte[1]), session);
            await().atMost(Duration.ofSeconds(2)).until(() -> session.stats().dropped() == 1);
            assertThat(session.remoteAddress()).isEqualTo(fromSdp);

            peer.send(audio(1, 0, 1), session);
            await().atMost(Duration.ofSeconds(2)).until(() -> receiver.frames.size() == 1);
            assertThat(session.remoteAddress()).isEqualTo(peer.address());

            session.sendVoice(new VoiceFrame(Codec.ALAW, new byte[] {1, 2}, 2, 0));
            assertThat(peer.receive().payload()).containsExactly(1, 2);

            // a new SDP address forgets the latch until the peer sends again
            session.setRemote(fromSdp);
            assertThat(session.remoteAddress()).isEqualTo(fromSdp);
        }
    }

    @Test
    void packetsBeforeConfigurationAreDropped() throws IOException {
        RtpSession unconfigured = engine.open(receiver);

        peer.send(audio(1, 0, 1), unconfigured);

        await().atMost(Duration.ofSeconds(2)).until(() -> unconfigured.stats().dropped() == 1);
        assertThat(receiver.frames).isEmpty();
    }

    @Test
    void aFailingReceiverDoesNotStopTheIoThread() throws IOException {
        RecordingReceiver healthy = new RecordingReceiver();
        RtpSession failing = engine.open(new RecordingReceiver() {
            @Override
            public void voice(VoiceFrame frame) {
                throw new IllegalStateException("test: receiver bug");
            }
        });
        failing.configure(Codec.ALAW, 8, -1);
        RtpSession other = engine.open(healthy);
        other.configure(Codec.ALAW, 8, -1);

        peer.send(audio(1, 0, 1), failing);
        peer.send(audio(1, 0, 1), other);

        await().atMost(Duration.ofSeconds(2)).until(() -> healthy.frames.size() == 1);
        assertThat(failing.stats().packetsIn()).isEqualTo(1);
    }
}
