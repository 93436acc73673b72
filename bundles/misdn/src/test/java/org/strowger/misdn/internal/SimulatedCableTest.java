package org.strowger.misdn.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
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
import org.strowger.misdn.card.SimulatedCard;
import org.strowger.misdn.internal.config.MisdnSettings;

/**
 * The whole driver as it runs: the native library's simulated card (port 1 TE wired to port 2
 * NT), the real Q.931 layers and the real channel core with strict lock order. A call to
 * {@code mISDN/1/2600} crosses the cable, is answered on port 2 and echoed; audio crosses both
 * ways at the line's pace; pulling the cable hangs both channels up with cause 38.
 */
class SimulatedCableTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private EmbeddedChannelCore core;
    private ChannelService channels;
    private SimulatedCard card;
    private MisdnDriver driver;
    private final ExecutorService answering = Executors.newCachedThreadPool();
    private final List<Channel> inbound = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() {
        core = new EmbeddedChannelCore(true);
        channels = core.service();
        driver = new MisdnDriver(MisdnSettings::demo, channels, settings -> {
            card = (SimulatedCard) CardOpener.CARDS.open(settings);
            return card;
        }, Q931Layers::create);
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

    private Channel answeredCall() throws Exception {
        Channel out = channels.request("mISDN/1/2600");
        out.call(Duration.ofSeconds(30));
        await().atMost(WAIT).until(() -> out.state() == ChannelState.UP);
        await().atMost(WAIT).until(() -> inbound.size() == 1 && inbound.get(0).state() == ChannelState.UP);
        return out;
    }

    @Test
    void aCallCrossesTheCableIsAnsweredAndItsAudioComesBack() throws Exception {
        Channel out = answeredCall();
        Channel in = inbound.get(0);
        assertThat(in.name()).startsWith("mISDN/2-");
        assertThat(in.location().context()).isEqualTo("from-isdn");
        assertThat(in.location().extension()).isEqualTo("2600");

        // one second of a ramp, paced like a phone: it crosses twice (out and echoed back)
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        ByteArrayOutputStream heard = new ByteArrayOutputStream();
        long start = System.nanoTime();
        for (int frame = 0; frame < 50; frame++) {
            byte[] audio = new byte[160];
            for (int i = 0; i < audio.length; i++) {
                audio[i] = (byte) (frame * 7 + i);
            }
            sent.write(audio);
            out.write(new VoiceFrame(Codec.ALAW, audio, audio.length, frame * 160L));
            long next = start + (frame + 1) * 20_000_000L;
            drain(out, heard, next);
        }
        drain(out, heard, System.nanoTime() + 1_000_000_000L);

        // each 20 ms frame sent must come back byte for byte; a loaded machine may delay the test's own
        // writer enough for the line to drop some (a source faster than 8000 bytes/s), so half will do
        byte[] all = sent.toByteArray();
        byte[] back = heard.toByteArray();
        int found = 0;
        for (int offset = 0; offset < all.length; offset += 160) {
            if (indexOf(back, java.util.Arrays.copyOfRange(all, offset, offset + 160)) >= 0) {
                found++;
            }
        }
        assertThat(found).as("frames of the 50 sent that came back unchanged").isGreaterThanOrEqualTo(25);
        out.write(new VoiceFrame(Codec.ALAW, new byte[160], 160, 0));
        channels.hangup(out, HangupCause.NORMAL_CLEARING);
        await().atMost(WAIT).until(in::isHungUp);
        assertThat(in.hangupCause()).contains(HangupCause.NORMAL_CLEARING);
        await().atMost(WAIT).until(() -> channels.channelCount() == 0);
    }

    @Test
    void pullingTheCableMidCallHangsBothChannelsUpWithCause38() throws Exception {
        Channel out = answeredCall();
        Channel in = inbound.get(0);

        card.unplug(0);

        await().atMost(WAIT).until(() -> out.isHungUp() && in.isHungUp());
        assertThat(out.hangupCause()).contains(HangupCause.NETWORK_OUT_OF_ORDER);
        assertThat(in.hangupCause()).contains(HangupCause.NETWORK_OUT_OF_ORDER);
        assertThat(channels.channelCount()).isZero();
    }

    @Test
    void aSetupLostOnTheLineIsRepeatedOnceByT303ThenTheCallFails() throws Exception {
        // the first SETUP and its repetition are lost: after T303 twice the call fails
        card.dropDFrames(0, 2);
        Channel out = channels.request("mISDN/1/2600");
        out.call(Duration.ofSeconds(30));

        await().atMost(Duration.ofSeconds(15)).until(out::isHungUp);
        assertThat(out.hangupCause()).hasValueSatisfying(cause ->
                assertThat(cause.code()).isIn(HangupCause.NO_USER_RESPONSE.code(), 102));
        assertThat(inbound).isEmpty();
        assertThat(channels.channelCount()).isZero();

        // the line is fine afterwards
        Channel next = answeredCall();
        assertThat(next.name()).startsWith("mISDN/1-");
        channels.hangup(next, HangupCause.NORMAL_CLEARING);
    }

    private static void drain(Channel channel, ByteArrayOutputStream into, long untilNanos) throws InterruptedException {
        while (true) {
            long left = untilNanos - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Frame frame = channel.read(Duration.ofNanos(left));
            if (frame instanceof VoiceFrame voice) {
                into.write(voice.payload(), 0, voice.payload().length);
            }
        }
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

    /**
     * A port changed live on the native card: port 2 gets another context, its D-channel is closed
     * and opened again, the cable to port 1 comes back up and the next call arrives in the new context.
     */
    @Test
    void aPortReopenedLiveOnTheNativeCardCarriesTheNextCall() throws Exception {
        answeredCall();
        channels.hangup(inbound.get(0), org.strowger.channel.HangupCause.NORMAL_CLEARING);
        await().atMost(WAIT).until(() -> channels.channels().isEmpty());
        inbound.clear();

        MisdnDriver.Change change = driver.apply(() -> MisdnSettings.of("simulated", 1, false, 16, "alaw",
                "1:te:ptp:group=out:context=from-isdn-te, 2:nt:ptp:group=in:context=from-isdn-night"));

        assertThat(change).isEqualTo(MisdnDriver.Change.PORTS);
        answeredCall();
        assertThat(inbound.get(0).location().context()).isEqualTo("from-isdn-night");
    }

    /**
     * The network side (port 2, NT) hangs a call up and places the next one at once: the line still
     * holds the first call's B-channel until RELEASE COMPLETE, so the next call must get the other
     * one, not be refused (cause 44) for a channel the port thought free.
     */
    @Test
    void aCallPlacedRightAfterAHangupOnTheNetworkSideGetsAFreeChannel() throws Exception {
        Channel first = channels.request("mISDN/2/2101");
        first.call(Duration.ofSeconds(30));
        await().atMost(WAIT).until(() -> first.state() == ChannelState.UP);

        channels.hangup(first, org.strowger.channel.HangupCause.NORMAL_CLEARING);
        Channel second = channels.request("mISDN/2/2102");
        second.call(Duration.ofSeconds(30));

        await().atMost(WAIT).until(() -> second.state() == ChannelState.UP || second.isHungUp());
        assertThat(second.hangupCause()).isEmpty();
        assertThat(second.state()).isEqualTo(ChannelState.UP);
    }
}
