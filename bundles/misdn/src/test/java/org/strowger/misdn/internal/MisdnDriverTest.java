package org.strowger.misdn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelState;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.HangupCause;
import org.strowger.channel.core.EmbeddedChannelCore;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.misdn.PortStatus;
import org.strowger.misdn.card.MisdnUnavailableException;
import org.strowger.misdn.internal.audio.BitReversal;
import org.strowger.misdn.internal.config.MisdnSettings;
import org.strowger.misdn.internal.config.PortSpecs;

/**
 * The driver over the real channel core (lock order strict) with a Java simulated card and a
 * stand-in Q.931 layer: port 1 (TE) wired to port 2 (NT), as in the demo. Calls placed on port 1
 * arrive on port 2, where an "answering machine" answers and echoes (or does what a test asks).
 */
class MisdnDriverTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private EmbeddedChannelCore core;
    private ChannelService channels;
    private FakeCard card;
    private MisdnDriver driver;
    private final ExecutorService answering = Executors.newCachedThreadPool();
    private final List<Channel> inbound = new CopyOnWriteArrayList<>();
    private volatile boolean echo = true;

    @BeforeEach
    void start() {
        core = new EmbeddedChannelCore(true);
        channels = core.service();
        card = new FakeCard(1, false);
        driver = new MisdnDriver(MisdnSettings::demo, channels, settings -> card,
                (port, primaryRate, timers, listener, trace) -> new FakeLayer3(listener, trace));
        core.addTechnology("mISDN", driver);
        core.addInboundHandler(channel -> {
            inbound.add(channel);
            if (echo) {
                answering.submit(() -> Answering.answerAndEcho(channel));
            }
        });
    }

    @AfterEach
    void stop() {
        driver.deactivate();
        answering.shutdownNow();
        assertThat(core.invariantViolations()).isEmpty();
        core.close();
    }

    private Channel dial(String dialString) throws ChannelUnavailableException {
        Channel channel = channels.request(dialString);
        channel.call(Duration.ofSeconds(30));
        return channel;
    }

    private Channel answeredCall() throws Exception {
        Channel out = dial("mISDN/1/2600");
        await().atMost(WAIT).until(() -> out.state() == ChannelState.UP);
        await().atMost(WAIT).until(() -> inbound.size() == 1 && inbound.get(0).state() == ChannelState.UP);
        return out;
    }

    private static byte[] ramp(int from) {
        byte[] bytes = new byte[160];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (from + i);
        }
        return bytes;
    }

    private static Optional<VoiceFrame> nextVoice(Channel channel) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Frame frame = channel.read(Duration.ofMillis(100));
            if (frame instanceof VoiceFrame voice) {
                return Optional.of(voice);
            }
        }
        return Optional.empty();
    }

    @Test
    void anOutboundCallOnPort1ArrivesOnPort2WithItsNumberAndContextAndIsAnswered() throws Exception {
        Channel out = answeredCall();
        Channel in = inbound.get(0);

        // outbound channels are renamed after their port, as inbound ones are named
        assertThat(out.name()).startsWith("mISDN/1-");
        assertThat(in.name()).startsWith("mISDN/2-");
        assertThat(in.dialedNumber()).isEqualTo("2600");
        assertThat(in.location().context()).isEqualTo("from-isdn");
        assertThat(out.nativeFormats()).containsExactly(Codec.ALAW);
        assertThat(driver.ports()).extracting(PortStatus::bChannelsInUse).containsExactly(1, 1);
    }

    @Test
    void audioCrossesBothWaysBitReversedOnTheWireAndComesBackFromTheEcho() throws Exception {
        Channel out = answeredCall();
        byte[] sent = ramp(0x10);

        out.write(new VoiceFrame(Codec.ALAW, sent, 160, 0));

        VoiceFrame echoed = nextVoice(out).orElseThrow(() -> new AssertionError("no echo came back"));
        assertThat(echoed.codec()).isEqualTo(Codec.ALAW);
        assertThat(echoed.samples()).isEqualTo(160);
        assertThat(echoed.payload()).isEqualTo(sent);
        // port 1 (device 0) put the frame on the wire bit-reversed; port 2 (device 1) echoed it the same way
        assertThat(card.wire.get(0).get(0)).isEqualTo(BitReversal.reversed(sent));
        assertThat(card.wire.get(1).get(0)).isEqualTo(BitReversal.reversed(sent));
    }

    @Test
    void ulawFramesAreConvertedToTheLineLaw() throws Exception {
        Channel out = answeredCall();
        byte[] ulawSilence = new byte[160];
        java.util.Arrays.fill(ulawSilence, (byte) 0xff);

        out.write(new VoiceFrame(Codec.ULAW, ulawSilence, 160, 0));

        VoiceFrame echoed = nextVoice(out).orElseThrow();
        assertThat(echoed.codec()).isEqualTo(Codec.ALAW);
        // µ-law 0xFF (zero) is A-law 0xD5 (zero)
        assertThat(echoed.payload()).containsOnly((byte) 0xd5);
    }

    /**
     * Layer 3 reports reach the call with its channel's name in the logging context: the caller's
     * B-channel opens on CONNECT (port 1's report) and the called B-channel closes on RELEASE
     * (port 2's report), each with its own channel named. (slf4j-simple's MDC ignores puts, so
     * the test gives SLF4J a working one, as pax-logging is in the container.)
     */
    @Test
    void layer3ReportsRunWithTheChannelNameInTheLoggingContext() throws Exception {
        java.lang.reflect.Field adapter = org.slf4j.MDC.class.getDeclaredField("mdcAdapter");
        adapter.setAccessible(true);
        if (adapter.get(null) instanceof org.slf4j.helpers.NOPMDCAdapter) {
            adapter.set(null, new org.slf4j.helpers.BasicMDCAdapter());
        }
        Channel out = answeredCall();
        Channel in = inbound.get(0);

        channels.hangup(out, HangupCause.NORMAL_CLEARING);
        await().atMost(WAIT).until(() -> card.openBChannels() == 0);

        assertThat(card.bChannelLog).contains("open 1 " + out.name(), "close 2 " + in.name());
        assertThat(org.strowger.channel.log.CallLogContext.current()).as("the test's thread").isNull();
    }

    @Test
    void callerHangupClearsTheCalledChannelWithNormalClearingAndFreesTheBChannels() throws Exception {
        Channel out = answeredCall();
        Channel in = inbound.get(0);

        channels.hangup(out, HangupCause.NORMAL_CLEARING);

        await().atMost(WAIT).until(in::isHungUp);
        assertThat(in.hangupCause()).contains(HangupCause.NORMAL_CLEARING);
        await().atMost(WAIT).until(() -> driver.ports().stream().allMatch(p -> p.bChannelsInUse() == 0));
        await().atMost(WAIT).until(() -> card.openBChannels() == 0);
    }

    @Test
    void calledHangupWithBusyReachesTheCallerAsUserBusy() throws Exception {
        Channel out = answeredCall();
        Channel in = inbound.get(0);

        channels.hangup(in, HangupCause.USER_BUSY);

        await().atMost(WAIT).until(out::isHungUp);
        assertThat(out.hangupCause()).contains(HangupCause.USER_BUSY);
    }

    @Test
    void ringingThenAnswerReachTheCaller() throws Exception {
        echo = false;
        Channel out = dial("mISDN/1/2101");
        await().atMost(WAIT).until(() -> inbound.size() == 1);
        Channel in = inbound.get(0);

        in.indicate(Control.RINGING);
        await().atMost(WAIT).until(() -> out.state() == ChannelState.RINGING);
        in.answer();
        await().atMost(WAIT).until(() -> out.state() == ChannelState.UP);
        List<Control> seen = new ArrayList<>();
        Frame frame;
        while ((frame = out.read(Duration.ZERO)) != null) {
            if (frame instanceof ControlFrame control) {
                seen.add(control.control());
            }
        }
        assertThat(seen).containsSubsequence(Control.PROCEEDING, Control.RINGING, Control.ANSWER);
    }

    @Test
    void unpluggingTheCableHangsUpBothChannelsWithNetworkOutOfOrder() throws Exception {
        Channel out = answeredCall();
        Channel in = inbound.get(0);

        card.unplug(0);

        await().atMost(WAIT).until(() -> out.isHungUp() && in.isHungUp());
        assertThat(out.hangupCause()).contains(HangupCause.NETWORK_OUT_OF_ORDER);
        assertThat(in.hangupCause()).contains(HangupCause.NETWORK_OUT_OF_ORDER);
        await().atMost(WAIT).until(() -> driver.ports().stream().noneMatch(PortStatus::layer2Up));
    }

    @Test
    void aGroupDialUsesTheGroupsPort() throws Exception {
        Channel out = dial("mISDN/g:out/2600");

        await().atMost(WAIT).until(() -> out.state() == ChannelState.UP);
        assertThat(driver.ports().get(0).bChannelsInUse()).isEqualTo(1);
        assertThat(driver.ports().get(0).groups()).containsExactly("out");
    }

    @Test
    void whenEveryBChannelIsTakenTheNextCallIsCongestion() throws Exception {
        dial("mISDN/1/2600");
        dial("mISDN/1/2600");

        assertThatThrownBy(() -> channels.request("mISDN/1/2600")).isInstanceOf(ChannelUnavailableException.class)
                .satisfies(e -> assertThat(((ChannelUnavailableException) e).hangupCause())
                        .isEqualTo(HangupCause.NORMAL_CIRCUIT_CONGESTION));
    }

    @Test
    void badDialStringsAreInvalidNumberFormat() {
        for (String bad : List.of("mISDN/2600", "mISDN/1/", "mISDN/1/26a0", "mISDN/9/2600", "mISDN/g:nope/2600",
                "mISDN/0/2600", "mISDN/g:/2600")) {
            assertThatThrownBy(() -> channels.request(bad)).as(bad).isInstanceOf(ChannelUnavailableException.class)
                    .satisfies(e -> assertThat(((ChannelUnavailableException) e).hangupCause())
                            .isEqualTo(HangupCause.INVALID_NUMBER_FORMAT));
        }
    }

    @Test
    void theAdminShowsTheDemoPortsAndTracing() throws Exception {
        answeredCall();

        assertThat(driver.available()).isTrue();
        assertThat(driver.simulated()).isTrue();
        assertThat(driver.ports()).containsExactly(
                new PortStatus(1, "fake.1", "TE", false, true, true, 2, 1, List.of("out"), "from-isdn-te"),
                new PortStatus(2, "fake.2", "NT", false, true, true, 2, 1, List.of("in"), "from-isdn"));
        assertThat(driver.trace(1, true)).isTrue();
        assertThat(driver.tracing(1)).isTrue();
        assertThat(driver.tracing(2)).isFalse();
        assertThat(driver.trace(7, true)).isFalse();
    }

    @Test
    void aBadConfigurationOffersNoPortsAndRefusesCallsWithoutCrashing() {
        MisdnDriver broken = new MisdnDriver(() -> MisdnSettings.of("simulated", 1, false, 16, "alaw", "1:xx"),
                channels, settings -> card, (port, primaryRate, timers, listener, trace) -> {
                    throw new AssertionError("no layer for a bad configuration");
                });

        assertThat(broken.available()).isFalse();
        assertThat(broken.unavailableReason()).contains("ports", "'1:xx'");
        assertThat(broken.ports()).isEmpty();
        assertThatThrownBy(() -> broken.request("1/2600", null)).isInstanceOf(ChannelUnavailableException.class)
                .satisfies(e -> assertThat(((ChannelUnavailableException) e).hangupCause())
                        .isEqualTo(HangupCause.CHAN_NOT_IMPLEMENTED));
        broken.deactivate();
    }

    @Test
    void withoutMisdnInTheKernelTheDriverSaysSoAndRefusesCalls() {
        MisdnDriver unavailable = new MisdnDriver(MisdnSettings::demo, channels, settings -> {
            throw new MisdnUnavailableException("EAFNOSUPPORT");
        }, (port, primaryRate, timers, listener, trace) -> {
            throw new AssertionError("no layer without a card");
        });

        assertThat(unavailable.available()).isFalse();
        assertThat(unavailable.unavailableReason()).isEqualTo("mISDN unavailable (EAFNOSUPPORT)");
        assertThat(unavailable.description()).contains("mISDN unavailable (EAFNOSUPPORT)");
        assertThat(unavailable.ports()).isEmpty();
        assertThatThrownBy(() -> unavailable.request("1/2600", null)).isInstanceOf(ChannelUnavailableException.class)
                .hasMessageContaining("EAFNOSUPPORT");
        unavailable.deactivate();
    }

    @Test
    void aPortTheCardDoesNotHaveIsLeftOutAndTheOthersWork() throws Exception {
        MisdnDriver partial = new MisdnDriver(
                () -> MisdnSettings.of("simulated", 1, false, 16, "alaw", "1:te, 5:nt"), channels,
                settings -> new FakeCard(1, false), (port, primaryRate, timers, listener, trace) -> new FakeLayer3(listener, trace));

        assertThat(partial.available()).isTrue();
        assertThat(partial.ports()).extracting(PortStatus::port).containsExactly(1);
        partial.deactivate();
    }

    @Test
    void demoDefaultsParse() {
        assertThat(MisdnSettings.demo().ports()).hasSize(2);
        assertThat(PortSpecs.parse(PortSpecs.DEMO).get(1).context()).isEqualTo("from-isdn");
    }
}
