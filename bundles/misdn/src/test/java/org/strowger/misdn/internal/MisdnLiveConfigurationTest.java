package org.strowger.misdn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.core.EmbeddedChannelCore;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.misdn.PortStatus;
import org.strowger.misdn.internal.MisdnDriver.Change;
import org.strowger.misdn.internal.config.MisdnSettings;

/**
 * Ports added, removed and changed on the running driver (a ConfigAdmin update of
 * {@code org.strowger.misdn}): the calls on the ports that stay go on, audio included; a removed
 * port's calls end with cause 38; a card change asks for a restart; a bad value changes nothing.
 * Two simulated pairs (ports 1-2 and 3-4), the real core under strict lock order.
 */
class MisdnLiveConfigurationTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final String ONE_PAIR = "1:te:group=out:context=from-isdn-te, 2:nt:context=from-isdn";
    private static final String TWO_PAIRS = ONE_PAIR + ", 3:te:group=out:context=from-isdn-te, 4:nt:context=from-isdn";

    private EmbeddedChannelCore core;
    private ChannelService channels;
    private FakeCard card;
    private MisdnDriver driver;
    private final ExecutorService answering = Executors.newCachedThreadPool();
    private final List<Channel> inbound = new CopyOnWriteArrayList<>();

    private static MisdnSettings settings(String ports) {
        return MisdnSettings.of("simulated", 2, false, 16, "alaw", ports);
    }

    @BeforeEach
    void start() {
        core = new EmbeddedChannelCore(true);
        channels = core.service();
        card = new FakeCard(2, false);
        driver = new MisdnDriver(() -> settings(ONE_PAIR), channels, settings -> card,
                (port, primaryRate, timers, listener, trace) -> new FakeLayer3(listener, trace));
        core.addTechnology("mISDN", driver);
        core.addInboundHandler(channel -> {
            inbound.add(channel);
            answering.submit(() -> Answering.answerAndEcho(channel));
        });
    }

    @AfterEach
    void stop() {
        driver.deactivate();
        answering.shutdownNow();
        assertThat(core.invariantViolations()).isEmpty();
        core.close();
    }

    private Channel answeredCall(String dialString, int inboundCount) throws Exception {
        Channel out = channels.request(dialString);
        out.call(Duration.ofSeconds(30));
        await().atMost(WAIT).until(() -> out.state() == ChannelState.UP);
        await().atMost(WAIT).until(() -> inbound.size() == inboundCount
                && inbound.get(inboundCount - 1).state() == ChannelState.UP);
        return out;
    }

    /** Sends a frame and waits for its echo: the call's audio path still works. */
    private static void assertEchoes(Channel out, int seed) throws InterruptedException {
        byte[] sent = new byte[160];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (seed + i);
        }
        out.write(new VoiceFrame(Codec.ALAW, sent, 160, 0));
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            Frame frame = out.read(Duration.ofMillis(100));
            if (frame instanceof VoiceFrame voice && java.util.Arrays.equals(voice.payload(), sent)) {
                return;
            }
        }
        throw new AssertionError("no echo of the frame came back on " + out.name());
    }

    @Test
    void addingAPairLeavesTheCallOnTheFirstPairUpAndTheNewPortsCarryCalls() throws Exception {
        Channel first = answeredCall("mISDN/1/2600", 1);

        assertThat(driver.apply(() -> settings(TWO_PAIRS))).isEqualTo(Change.PORTS);

        assertThat(driver.ports()).extracting(PortStatus::port).containsExactly(1, 2, 3, 4);
        assertThat(first.isHungUp()).isFalse();
        assertEchoes(first, 0x20);
        Channel second = answeredCall("mISDN/3/2600", 2);
        assertThat(second.name()).startsWith("mISDN/3-");
        assertThat(inbound.get(1).name()).startsWith("mISDN/4-");
        assertEchoes(first, 0x40);
    }

    @Test
    void removingAPairEndsOnlyItsCallsWithCause38() throws Exception {
        driver.apply(() -> settings(TWO_PAIRS));
        Channel kept = answeredCall("mISDN/1/2600", 1);
        Channel removed = answeredCall("mISDN/3/2600", 2);
        Channel removedIn = inbound.get(1);

        assertThat(driver.apply(() -> settings(ONE_PAIR))).isEqualTo(Change.PORTS);

        await().atMost(WAIT).until(() -> removed.isHungUp() && removedIn.isHungUp());
        assertThat(removed.hangupCause()).contains(HangupCause.NETWORK_OUT_OF_ORDER);
        assertThat(driver.ports()).extracting(PortStatus::port).containsExactly(1, 2);
        assertThat(kept.isHungUp()).isFalse();
        assertThat(inbound.get(0).isHungUp()).isFalse();
        assertEchoes(kept, 0x60);
        assertThat(card.openBChannels()).isEqualTo(2);
    }

    @Test
    void aPortWithANewContextIsReopenedAndItsNextCallArrivesThere() throws Exception {
        String otherContext = "1:te:group=out:context=from-isdn-te, 2:nt:context=from-isdn-day";

        assertThat(driver.apply(() -> settings(otherContext))).isEqualTo(Change.PORTS);

        answeredCall("mISDN/1/2600", 1);
        assertThat(inbound.get(0).location().context()).isEqualTo("from-isdn-day");
        assertThat(driver.ports()).extracting(PortStatus::context).containsExactly("from-isdn-te", "from-isdn-day");
    }

    @Test
    void theSameSettingsChangeNothing() throws Exception {
        Channel call = answeredCall("mISDN/1/2600", 1);

        assertThat(driver.apply(() -> settings(ONE_PAIR))).isEqualTo(Change.NONE);

        assertThat(call.isHungUp()).isFalse();
        assertEchoes(call, 0x10);
    }

    @Test
    void aCardChangeNeedsARestartAndABadValueIsRefusedWithoutTouchingTheCalls() throws Exception {
        Channel call = answeredCall("mISDN/1/2600", 1);

        assertThat(driver.apply(() -> MisdnSettings.of("simulated", 2, false, 16, "ulaw", ONE_PAIR)))
                .isEqualTo(Change.RESTART);
        assertThat(driver.apply(() -> settings("1:xx"))).isEqualTo(Change.REFUSED);

        assertThat(call.isHungUp()).isFalse();
        assertThat(driver.ports()).extracting(PortStatus::port).containsExactly(1, 2);
        assertEchoes(call, 0x30);
    }
}
