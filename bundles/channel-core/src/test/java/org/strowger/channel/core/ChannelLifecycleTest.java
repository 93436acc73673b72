package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.HangupCause;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.event.ChannelEvent;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.VoiceFrame;

class ChannelLifecycleTest {

    private final CoreFixture fixture = new CoreFixture();
    private final ChannelCore core = fixture.core;

    @AfterEach
    void stop() {
        core.stop();
    }

    @Test
    void requestedChannelsGetUniqueAsteriskStyleNamesAndIds() {
        Channel first = fixture.request("alice");
        Channel second = fixture.request("alice");

        assertThat(first.name()).matches("Test/alice-[0-9a-f]{8}");
        assertThat(second.name()).isNotEqualTo(first.name());
        assertThat(second.uniqueId()).isNotEqualTo(first.uniqueId()).matches("\\d+\\.\\d+");
        assertThat(first.state()).isEqualTo(ChannelState.DOWN);
        assertThat(first.technology()).isEqualTo(TechnologyName.of("Test"));
        assertThat(core.findByName(first.name())).containsSame(first);
        assertThat(core.findByUniqueId(first.uniqueId())).containsSame(first);
        assertThat(core.channels()).containsExactly(first, second);
    }

    @Test
    void anUnknownTechnologyIsChanNotImplemented() {
        assertThatThrownBy(() -> core.request("Nope/bob"))
                .isInstanceOfSatisfying(ChannelUnavailableException.class,
                        e -> assertThat(e.hangupCause()).isEqualTo(HangupCause.CHAN_NOT_IMPLEMENTED))
                .hasMessageContaining("no channel technology Nope is registered");
    }

    @Test
    void aMalformedDialStringIsInvalidNumberFormat() {
        for (String bad : new String[] {"Test", "Test/", "/bob", "", "T e/x"}) {
            assertThatThrownBy(() -> core.request(bad))
                    .isInstanceOfSatisfying(ChannelUnavailableException.class,
                            e -> assertThat(e.hangupCause()).isEqualTo(HangupCause.INVALID_NUMBER_FORMAT));
        }
        assertThat(core.channelCount()).isZero();
    }

    @Test
    void aDriverRefusalKeepsItsCauseAndLeavesNoChannel() {
        fixture.driver.refuseWith = HangupCause.USER_BUSY;

        assertThatThrownBy(() -> core.request("Test/bob"))
                .isInstanceOfSatisfying(ChannelUnavailableException.class,
                        e -> assertThat(e.hangupCause()).isEqualTo(HangupCause.USER_BUSY));
        assertThat(core.channelCount()).isZero();
    }

    @Test
    void inboundChannelsRingInTheirContext() {
        Channel alice = fixture.inbound("alice");

        assertThat(alice.state()).isEqualTo(ChannelState.RING);
        assertThat(alice.location().toString()).isEqualTo("200@internal:1");
        assertThat(alice.callerId().number()).isEqualTo("100");
        assertThat(alice.dialedNumber()).isEqualTo("200");
    }

    @Test
    void inboundChannelsAreHandedToTheDialplan() {
        Channel alice = fixture.inbound("alice");

        assertThat(fixture.inboundCalls).containsExactly(alice);
    }

    @Test
    void withNoDialplanToTakeItAnInboundCallIsHungUpAsUnroutable() throws Exception {
        CoreFixture bare = new CoreFixture();
        bare.core.removeInboundHandler(bare.core.inboundHandlersForTest().get(0));

        Channel alice = bare.inbound("alice");

        assertThat(alice.isHungUp()).isTrue();
        assertThat(alice.hangupCause()).contains(HangupCause.NO_ROUTE_DESTINATION);
        bare.core.stop();
    }

    @Test
    void hangupRemovesTheChannelAndReleasesTheDriverSideExactlyOnce() {
        Channel alice = fixture.request("alice");
        TestDriver.Side side = fixture.sideOf(alice);

        core.hangup(alice, HangupCause.USER_BUSY);
        core.hangup(alice, HangupCause.NORMAL_CLEARING);

        assertThat(side.hangups).hasValue(1);
        assertThat(side.hangupCause).isEqualTo(HangupCause.USER_BUSY);
        assertThat(alice.isHungUp()).isTrue();
        assertThat(alice.hangupCause()).contains(HangupCause.USER_BUSY);
        assertThat(core.findByName(alice.name())).isEmpty();
        assertThat(core.findByUniqueId(alice.uniqueId())).isEmpty();
        assertThat(core.channelCount()).isZero();
    }

    @Test
    void farEndHangupHangsTheChannelUp() {
        Channel alice = fixture.request("alice");

        fixture.sideOf(alice).link.farEndHangup(HangupCause.NO_ANSWER);

        assertThat(alice.hangupCause()).contains(HangupCause.NO_ANSWER);
        assertThat(fixture.sideOf(alice).hangups).hasValue(1);
    }

    @Test
    void framesQueuedByTheDriverAreReadInOrderAndConvertedToTheReadFormat() throws Exception {
        Channel alice = fixture.request("alice");
        alice.setReadFormat(Codec.SLIN);
        var link = fixture.sideOf(alice).link;

        link.queueFrame(DtmfFrame.end('5', Duration.ofMillis(80)));
        link.queueFrame(new VoiceFrame(Codec.ULAW, new byte[160], 160, 0));

        assertThat(alice.read(Duration.ZERO)).isEqualTo(DtmfFrame.end('5', Duration.ofMillis(80)));
        VoiceFrame voice = (VoiceFrame) alice.read(Duration.ZERO);
        assertThat(voice.codec()).isEqualTo(Codec.SLIN);
        assertThat(voice.payload()).hasSize(320);
        assertThat(alice.read(Duration.ZERO)).isNull();
    }

    @Test
    void aBlockedReaderWakesWhenAFrameArrivesAndAHungUpChannelReadsHangup() throws Exception {
        Channel alice = fixture.request("alice");
        var link = fixture.sideOf(alice).link;
        List<Object> read = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                read.add(alice.read(Duration.ofSeconds(10)));
                read.add(alice.read(Duration.ofSeconds(10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();

        link.queueFrame(ControlFrame.of(Control.PROGRESS));
        await().atMost(Duration.ofSeconds(5)).until(() -> read.size() == 1);
        core.hangup(alice, HangupCause.NORMAL_CLEARING);
        reader.join(5000);

        assertThat(read).containsExactly(ControlFrame.of(Control.PROGRESS), ControlFrame.of(Control.HANGUP));
    }

    @Test
    void answerAndRingingFromTheDriverChangeTheState() {
        Channel bob = fixture.request("bob");
        var link = fixture.sideOf(bob).link;

        link.queueFrame(ControlFrame.of(Control.RINGING));
        assertThat(bob.state()).isEqualTo(ChannelState.RINGING);
        link.queueFrame(ControlFrame.of(Control.ANSWER));
        assertThat(bob.state()).isEqualTo(ChannelState.UP);
    }

    @Test
    void answeringAnInboundCallAsksTheDriverOnceAndGoesUp() {
        Channel alice = fixture.inbound("alice");

        alice.answer();
        alice.answer();

        assertThat(fixture.sideOf(alice).answers).hasValue(1);
        assertThat(alice.state()).isEqualTo(ChannelState.UP);
    }

    @Test
    void writesAreTranscodedToAFormatTheDriverTakes() {
        Channel alice = fixture.request("alice");

        alice.write(new VoiceFrame(Codec.SLIN, new byte[320], 160, 0));

        assertThat(fixture.sideOf(alice).written).singleElement()
                .satisfies(frame -> assertThat(((VoiceFrame) frame).codec()).isEqualTo(Codec.ULAW));
    }

    @Test
    void aHungUpChannelIsHarmlessToUse() throws Exception {
        Channel alice = fixture.request("alice");
        core.hangup(alice, HangupCause.NORMAL_CLEARING);

        assertThat(alice.write(ControlFrame.of(Control.RINGING))).isFalse();
        alice.answer();
        alice.indicate(Control.BUSY);
        assertThat(alice.read(Duration.ZERO)).isEqualTo(ControlFrame.of(Control.HANGUP));
        assertThat(fixture.sideOf(alice).answers).hasValue(0);
        assertThat(fixture.sideOf(alice).indicated).isEmpty();
    }

    @Test
    void aDriverThatThrowsIsLoggedAndTheCoreCarriesOn() throws Exception {
        Channel alice = core.createInbound(new org.strowger.channel.InboundCall(TechnologyName.of("Test"), "alice",
                org.strowger.channel.CallerId.UNKNOWN, "", "internal"), link -> new TestDriver.Side("alice", link) {
                    @Override
                    public void hangup(HangupCause cause) {
                        throw new IllegalStateException("driver bug");
                    }
                });

        core.hangup(alice, HangupCause.NORMAL_CLEARING);

        assertThat(core.channelCount()).isZero();
    }

    @Test
    void listenersHearEveryEventInOrder() {
        List<ChannelEvent> events = new CopyOnWriteArrayList<>();
        core.addListener(events::add);

        Channel alice = fixture.request("alice");
        fixture.sideOf(alice).link.queueFrame(ControlFrame.of(Control.ANSWER));
        core.changeName(alice, "Test/renamed");
        core.hangup(alice, HangupCause.NORMAL_CLEARING);

        await().atMost(Duration.ofSeconds(5)).until(() -> events.size() == 4);
        assertThat(events).extracting(event -> event.getClass().getSimpleName())
                .containsExactly("Created", "StateChanged", "Renamed", "HungUp");
        assertThat(events.get(3)).isInstanceOfSatisfying(ChannelEvent.HungUp.class,
                hungUp -> assertThat(hungUp.name()).isEqualTo("Test/renamed"));
    }
}
