package org.strowger.sip.internal.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

/** What a session puts on the wire, checked byte by byte at a plain socket. */
class RtpSessionSendTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RtpEngine engine = new RtpEngine(RawPeer.LOOPBACK, 40000, 40100, 1, clock::get);
    private RawPeer peer;
    private RtpSession session;

    @BeforeEach
    void open() throws IOException {
        engine.start();
        peer = new RawPeer();
        session = engine.open(new RecordingReceiver());
        session.setRemote(peer.address());
        session.configure(Codec.ULAW, 0, 101);
    }

    @AfterEach
    void close() {
        engine.stop();
        peer.close();
    }

    private static VoiceFrame ulaw(int fill, long timestamp) {
        byte[] payload = new byte[160];
        java.util.Arrays.fill(payload, (byte) fill);
        return new VoiceFrame(Codec.ULAW, payload, 160, timestamp);
    }

    private void advance(long millis) {
        clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
    }

    @Test
    void voiceGoesOutWithOneSsrcConsecutiveSequenceAndTimestampsAndAMarkerOnlyFirst() throws IOException {
        for (int i = 0; i < 3; i++) {
            session.sendVoice(ulaw(i + 1, 0));
            advance(20);
        }

        List<RtpPacket> packets = List.of(peer.receive(), peer.receive(), peer.receive());

        assertThat(packets).extracting(RtpPacket::payloadType).containsOnly(0);
        assertThat(packets).extracting(RtpPacket::marker).containsExactly(true, false, false);
        assertThat(packets).extracting(RtpPacket::ssrc).containsOnly(packets.get(0).ssrc());
        int firstSequence = packets.get(0).sequence();
        assertThat(packets).extracting(RtpPacket::sequence)
                .containsExactly(firstSequence, (firstSequence + 1) & 0xFFFF, (firstSequence + 2) & 0xFFFF);
        long firstTimestamp = packets.get(0).timestamp();
        assertThat(packets).extracting(RtpPacket::timestamp).containsExactly(firstTimestamp,
                (firstTimestamp + 160) & 0xFFFFFFFFL, (firstTimestamp + 320) & 0xFFFFFFFFL);
        assertThat(packets.get(2).payload()).hasSize(160).containsOnly(3);
        assertThat(session.stats().packetsOut()).isEqualTo(3);
    }

    @Test
    void relayedFramesGetOurTimestampsWhateverTheirs() throws IOException {
        session.sendVoice(ulaw(1, 123_456));
        session.sendVoice(ulaw(1, 7));
        session.sendVoice(ulaw(1, 999_999_999));

        long first = peer.receive().timestamp();
        RtpPacket second = peer.receive();
        RtpPacket third = peer.receive();

        assertThat(second.timestamp()).isEqualTo((first + 160) & 0xFFFFFFFFL);
        assertThat(third.timestamp()).isEqualTo((first + 320) & 0xFFFFFFFFL);
        assertThat(second.marker()).isFalse();
        assertThat(third.marker()).isFalse();
    }

    @Test
    void aPauseInSendingStartsATalkSpurtWithAMarkerAndTheClockMovedOn() throws IOException {
        session.sendVoice(ulaw(1, 0));
        advance(20);
        session.sendVoice(ulaw(1, 0));
        advance(1000);
        session.sendVoice(ulaw(1, 0));

        RtpPacket first = peer.receive();
        RtpPacket second = peer.receive();
        RtpPacket afterPause = peer.receive();

        assertThat(second.marker()).isFalse();
        assertThat(afterPause.marker()).isTrue();
        // sent 1000 ms after the second packet: 8000 samples after it on the RTP clock
        assertThat(afterPause.timestamp()).isEqualTo((second.timestamp() + 8000) & 0xFFFFFFFFL);
        assertThat(afterPause.sequence()).isEqualTo((second.sequence() + 1) & 0xFFFF);
        assertThat(first.marker()).isTrue();
    }

    @Test
    void jitterBelowTheGapKeepsTheStreamContinuous() throws IOException {
        session.sendVoice(ulaw(1, 0));
        advance(90);
        session.sendVoice(ulaw(1, 0));

        RtpPacket first = peer.receive();
        RtpPacket late = peer.receive();

        assertThat(late.marker()).isFalse();
        assertThat(late.timestamp()).isEqualTo((first.timestamp() + 160) & 0xFFFFFFFFL);
    }

    @Test
    void otherCodecsAreTranscodedToTheSessionCodec() throws IOException {
        session.configure(Codec.ALAW, 8, 101);
        byte[] slin = new byte[4];
        slin[2] = (byte) 0xE8; // 1000, little-endian
        slin[3] = (byte) 0x03;

        session.sendVoice(new VoiceFrame(Codec.ULAW, new byte[] {(byte) 0xFF, (byte) 0xFF}, 2, 0));
        session.sendVoice(new VoiceFrame(Codec.SLIN, slin, 2, 0));

        RtpPacket fromUlaw = peer.receive();
        RtpPacket fromSlin = peer.receive();
        assertThat(fromUlaw.payloadType()).isEqualTo(8);
        assertThat(fromUlaw.payload()).containsExactly(0xD5, 0xD5);
        assertThat(fromSlin.payload()).containsExactly(0xD5, 0xFA);
        assertThat(fromSlin.timestamp()).isEqualTo((fromUlaw.timestamp() + 2) & 0xFFFFFFFFL);
    }

    @Test
    void aDigitIsOneMarkedBeginAndThreeEndsOnTheSameTimestamp() throws IOException {
        session.sendVoice(ulaw(1, 0));
        advance(20);
        session.sendDigitBegin('#');
        advance(120);
        session.sendDigitEnd('#', Duration.ofMillis(120));
        advance(20);
        session.sendVoice(ulaw(1, 0));

        RtpPacket voice = peer.receive();
        List<RtpPacket> event = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            event.add(peer.receive());
        }
        RtpPacket voiceAfter = peer.receive();

        assertThat(event).extracting(RtpPacket::payloadType).containsOnly(101);
        assertThat(event).extracting(RtpPacket::marker).containsExactly(true, false, false, false);
        long eventTimestamp = (voice.timestamp() + 160) & 0xFFFFFFFFL;
        assertThat(event).extracting(RtpPacket::timestamp).containsOnly(eventTimestamp);
        for (int i = 0; i < 4; i++) {
            assertThat(event.get(i).sequence()).isEqualTo((voice.sequence() + 1 + i) & 0xFFFF);
            byte[] payload = event.get(i).payload();
            assertThat(payload).hasSize(4);
            assertThat(payload[0]).isEqualTo((byte) 11);
            assertThat(payload[1] & 0x3F).as("volume").isEqualTo(10);
            assertThat((payload[1] & 0x80) != 0).as("end bit").isEqualTo(i > 0);
        }
        assertThat(TelephoneEvent.duration(event.get(0).payload(), 0)).isEqualTo(160);
        assertThat(TelephoneEvent.duration(event.get(3).payload(), 0)).isEqualTo(960);
        assertThat(voiceAfter.timestamp()).isGreaterThanOrEqualTo((eventTimestamp + 960) & 0xFFFFFFFFL);
        assertThat(voiceAfter.sequence()).isEqualTo((voice.sequence() + 5) & 0xFFFF);
    }

    @Test
    void anEndWithoutBeginSendsTheBeginToo() throws IOException {
        session.sendDigitEnd('7', Duration.ofMillis(100));

        List<RtpPacket> event = List.of(peer.receive(), peer.receive(), peer.receive(), peer.receive());

        assertThat(event).extracting(RtpPacket::marker).containsExactly(true, false, false, false);
        assertThat(event).extracting(packet -> packet.payload()[0]).containsOnly((byte) 7);
        assertThat(session.stats().packetsOut()).isEqualTo(4);
    }

    @Test
    void onHoldNothingIsSent() throws IOException {
        session.sendVoice(ulaw(1, 0));
        session.setSending(false);
        session.sendVoice(ulaw(2, 0));
        session.sendDigitBegin('1');
        session.sendDigitEnd('1', Duration.ofMillis(100));
        session.setSending(true);
        session.sendVoice(ulaw(3, 0));

        RtpPacket before = peer.receive();
        RtpPacket after = peer.receive();

        assertThat(before.payload()).containsOnly(1);
        assertThat(after.payload()).containsOnly(3);
        assertThat(after.sequence()).isEqualTo((before.sequence() + 1) & 0xFFFF);
        assertThat(session.stats().packetsOut()).isEqualTo(2);
    }

    @Test
    void nothingIsSentToTheRfc2543HoldAddressOrBeforeConfiguration() throws IOException {
        RtpSession unconfigured = engine.open(new RecordingReceiver());
        unconfigured.setRemote(peer.address());
        unconfigured.sendVoice(ulaw(9, 0));
        session.setRemote(new java.net.InetSocketAddress("0.0.0.0", peer.address().getPort()));
        session.sendVoice(ulaw(8, 0));
        session.setRemote(peer.address());
        session.sendVoice(ulaw(7, 0));

        assertThat(peer.receive().payload()).containsOnly(7);
        assertThat(unconfigured.stats().packetsOut()).isZero();
        assertThat(session.stats().packetsOut()).isEqualTo(1);
    }

    @Test
    void digitsAreNotSentWithoutNegotiatedTelephoneEvents() throws IOException {
        session.configure(Codec.ULAW, 0, -1);
        session.sendDigitBegin('1');
        session.sendDigitEnd('1', Duration.ofMillis(100));
        session.sendVoice(ulaw(5, 0));

        assertThat(peer.receive().payloadType()).isZero();
        assertThat(session.stats().packetsOut()).isEqualTo(1);
    }

    @Test
    void describeShowsCodecAndBothEnds() {
        assertThat(session.describe()).isEqualTo("PCMU 127.0.0.1:" + session.localPort() + " <-> 127.0.0.1:"
                + peer.address().getPort());
    }
}
