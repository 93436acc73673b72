package org.strowger.sip.internal.rtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;

/** Two sessions of one engine talking to each other over 127.0.0.1, and the engine's lifecycle. */
class RtpEngineTest {

    private RtpEngine engine = new RtpEngine(RawPeer.LOOPBACK, 40000, 40100, 2);

    @AfterEach
    void stop() {
        engine.stop();
    }

    private static InetSocketAddress addressOf(RtpSession session) {
        return new InetSocketAddress(RawPeer.LOOPBACK, session.localPort());
    }

    @Test
    void twoLegsExchangeVoiceAndDigitsEachOnItsOwnIoThread() throws IOException {
        engine.start();
        RecordingReceiver atA = new RecordingReceiver();
        RecordingReceiver atB = new RecordingReceiver();
        RtpSession a = engine.open(atA);
        RtpSession b = engine.open(atB);
        a.configure(Codec.ULAW, 0, 101);
        b.configure(Codec.ULAW, 0, 101);
        a.setRemote(addressOf(b));
        b.setRemote(addressOf(a));

        byte[] tone = new byte[160];
        for (int i = 0; i < tone.length; i++) {
            tone[i] = (byte) i;
        }
        a.sendVoice(new VoiceFrame(Codec.ULAW, tone, 160, 0));
        a.sendVoice(new VoiceFrame(Codec.ULAW, tone, 160, 160));
        a.sendDigitBegin('9');
        a.sendDigitEnd('9', Duration.ofMillis(200));
        b.sendVoice(new VoiceFrame(Codec.ALAW, new byte[] {(byte) 0xD5}, 1, 0));

        await().atMost(Duration.ofSeconds(2)).until(() -> atB.frames.size() == 2 && atB.digits.size() == 2
                && atA.frames.size() == 1);
        List<VoiceFrame> received = atB.frameList();
        assertThat(received.get(0).payload()).containsExactly(tone);
        assertThat(received.get(1).timestamp() - received.get(0).timestamp()).isIn(160L, 160L - (1L << 32));
        assertThat(atB.digitList()).containsExactly("begin 9", "end 9 200ms");
        assertThat(atA.frameList().get(0).payload()).containsExactly(0xFE); // A-law 8 as µ-law
        assertThat(atA.threads).hasSize(1).doesNotContainAnyElementsOf(atB.threads);
        assertThat(List.of(atA.threads.peek(), atB.threads.peek())).containsExactlyInAnyOrder("rtp-io-1", "rtp-io-2");
        assertThat(a.stats().packetsOut()).isEqualTo(6);
        assertThat(b.stats().packetsIn()).isEqualTo(6);
        RtpEngineStats stats = engine.stats();
        assertThat(stats.openSessions()).isEqualTo(2);
        assertThat(stats.packetsOut()).isEqualTo(7);
        assertThat(stats.packetsIn()).isEqualTo(7);
        assertThat(stats.packetsLost()).isZero();
    }

    @Test
    void sessionsGetEvenPortsFromTheRange() throws IOException {
        engine.start();

        RtpSession first = engine.open(new RecordingReceiver());
        RtpSession second = engine.open(new RecordingReceiver());

        assertThat(List.of(first.localPort(), second.localPort()))
                .allSatisfy(port -> assertThat(port).isBetween(40000, 40098).isEven())
                .doesNotHaveDuplicates();
        assertThat(Math.abs(first.localPort() - second.localPort())).isGreaterThanOrEqualTo(2);
    }

    @Test
    void anExhaustedRangeSaysSoAndAClosedSessionFreesItsPort() throws IOException {
        int port = TestPorts.freeEvenPort(40000, 40100);
        engine = new RtpEngine(RawPeer.LOOPBACK, port, port + 1, 1);
        engine.start();
        RtpSession only = engine.open(new RecordingReceiver());
        assertThat(only.localPort()).isEqualTo(port);

        assertThatThrownBy(() -> engine.open(new RecordingReceiver()))
                .isInstanceOf(IOException.class)
                .hasMessage("no free RTP port in " + port + "-" + (port + 1));

        only.close();
        only.close();
        assertThat(only.isClosed()).isTrue();
        assertThat(engine.stats().openSessions()).isZero();
        // the socket is released once its IO thread has seen the close
        RtpSession again = await().atMost(Duration.ofSeconds(2)).ignoreExceptions()
                .until(() -> engine.open(new RecordingReceiver()), session -> session != null);
        assertThat(again.localPort()).isEqualTo(port);
    }

    @Test
    void stopClosesEverySessionAndFreesThePorts() throws IOException {
        engine.start();
        RtpSession first = engine.open(new RecordingReceiver());
        RtpSession second = engine.open(new RecordingReceiver());

        engine.stop();

        assertThat(first.isClosed()).isTrue();
        assertThat(second.isClosed()).isTrue();
        assertThat(engine.stats().openSessions()).isZero();
        await().atMost(Duration.ofSeconds(2)).until(() -> TestPorts.isFree(first.localPort())
                && TestPorts.isFree(second.localPort()));
        assertThatThrownBy(() -> engine.open(new RecordingReceiver())).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void sendingOnAClosedSessionIsIgnored() throws IOException {
        engine.start();
        RtpSession session = engine.open(new RecordingReceiver());
        session.configure(Codec.ULAW, 0, 101);
        session.setRemote(new InetSocketAddress(RawPeer.LOOPBACK, 9));
        session.close();

        session.sendVoice(new VoiceFrame(Codec.ULAW, new byte[1], 1, 0));
        session.sendDigitBegin('1');

        assertThat(session.stats().packetsOut()).isZero();
        assertThat(session.stats().dropped()).isZero();
    }

    @Test
    void misuseIsRefusedClearly() throws IOException {
        assertThatThrownBy(() -> engine.open(new RecordingReceiver()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not running");
        assertThatThrownBy(() -> new RtpEngine(RawPeer.LOOPBACK, 40000, 40100, 0))
                .isInstanceOf(IllegalArgumentException.class);
        engine.start();
        RtpSession session = engine.open(new RecordingReceiver());
        assertThatThrownBy(() -> session.configure(Codec.SLIN, 11, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("G.711");
        assertThatThrownBy(() -> session.sendDigitBegin('x'))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a DTMF digit");
        assertThatThrownBy(() -> engine.start()).isInstanceOf(IllegalStateException.class);
    }
}
