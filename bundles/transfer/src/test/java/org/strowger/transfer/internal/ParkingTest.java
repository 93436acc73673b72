package org.strowger.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.frame.Control;
import org.strowger.pbx.ApplicationResult;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.ParkedCall;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.TransferResult;
import org.strowger.transfer.internal.parking.ParkApp;
import org.strowger.transfer.internal.parking.ParkedCallApp;

/** The parking lot over the real core: park, announce, hold, retrieve, hang up while parked, time out. */
class ParkingTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    static FeatureSettings lot(int first, int last, Duration parkingTime, boolean comeback, Duration noAnswer) {
        FeatureSettings d = Settings.defaults();
        return new FeatureSettings(d.blindTransfer(), d.attendedTransfer(), d.disconnect(), d.park(),
                d.featureDigitTimeout(), d.transferDigitTimeout(), noAnswer, d.attendedLoopDelay(),
                d.attendedCallbackRetries(), d.attendedDropCall(), d.parkExtension(), first, last, d.parkContext(),
                parkingTime, comeback);
    }

    /** alice calls bob; alice parks bob ({@code #72}): bob is the parkee, alice the parker. */
    private static TransferOutcome aliceParks(TransferFixture fx, String alice, String bob) {
        Bridge call = fx.call(alice, bob, "", "");
        return fx.transfers.park(call.second(), call.first());
    }

    private static Optional<Bridge> holdBridgeOf(TransferFixture fx, String resource) {
        return fx.channelOf(resource).bridge().filter(bridge -> bridge.peerOf(fx.channelOf(resource))
                .map(peer -> peer.name().startsWith("Transfer/hold-")).orElse(false));
    }

    @Test
    void parkingABridgedCallPutsTheParkeeOnHoldInSlot701AndTellsTheParkerWhoIsThenHungUp() {
        try (TransferFixture fx = new TransferFixture(lot(701, 720, LONG, true, Duration.ofSeconds(5)))) {
            Bridge call = fx.call("alice", "bob", "", "");
            Channel alice = call.first();
            Channel bob = call.second();

            TransferOutcome outcome = fx.transfers.park(bob, alice);

            assertThat(outcome.result()).isEqualTo(TransferResult.COMPLETED);
            assertThat(outcome.detail()).contains("701");
            await().untilAsserted(() -> assertThat(fx.phone("alice").isReleased()).isTrue());
            assertThat(fx.pbx.played).containsExactly("call-parked-at", "digits-7", "digits-0", "digits-1");
            assertThat(fx.phone("bob").isReleased()).isFalse();
            assertThat(fx.phone("bob").indications).contains(Control.HOLD);
            assertThat(holdBridgeOf(fx, "bob")).isPresent();
            assertThat(alice.isZombie()).isTrue();
            assertThat(bob.isZombie()).isTrue();
            List<ParkedCall> parked = fx.transfers.parkedCalls();
            assertThat(parked).hasSize(1);
            assertThat(parked.get(0).slot()).isEqualTo(701);
            assertThat(parked.get(0).channel()).startsWith("Phone/bob-");
            assertThat(parked.get(0).parker()).startsWith("Phone/alice-");
            assertThat(fx.channelOf("bob").variable("PARKINGSLOT")).contains("701");
            assertThat(fx.transfers.statistics().parked()).isEqualTo(1);
        }
    }

    @Test
    void theSecondParkedCallGetsTheNextSlotAndAFullLotAnswersBusy() {
        try (TransferFixture fx = new TransferFixture(lot(701, 702, LONG, true, Duration.ofSeconds(5)))) {
            assertThat(aliceParks(fx, "alice", "bob").detail()).contains("701");
            assertThat(aliceParks(fx, "carol", "dave").detail()).contains("702");

            Bridge third = fx.call("erin", "frank", "", "");
            TransferOutcome full = fx.transfers.park(third.second(), third.first());

            assertThat(full.result()).isEqualTo(TransferResult.BUSY);
            assertThat(full.detail()).contains("full");
            assertThat(fx.transfers.parkedCalls()).extracting(ParkedCall::slot).containsExactly(701, 702);
            // the refused call is untouched
            assertThat(third.isActive()).isTrue();
            assertThat(fx.phone("frank").indications).doesNotContain(Control.HOLD);
            assertThat(fx.transfers.statistics().parked()).isEqualTo(2);
            assertThat(fx.transfers.statistics().failed()).isEqualTo(1);
        }
    }

    @Test
    void aFreedSlotIsTheFirstGivenAgain() {
        try (TransferFixture fx = new TransferFixture(lot(701, 720, LONG, true, Duration.ofSeconds(5)))) {
            aliceParks(fx, "alice", "bob");
            aliceParks(fx, "carol", "dave");
            fx.phone("bob").hangUpFromFarEnd();
            await().until(() -> fx.transfers.parkedCalls().size() == 1);

            assertThat(aliceParks(fx, "erin", "frank").detail()).contains("701");
        }
    }

    @Test
    void parkedCallRetrievesTheCallAndBridgesItWithTheCallerWithoutHoldingAThread() throws Exception {
        try (TransferFixture fx = new TransferFixture(lot(701, 720, LONG, true, Duration.ofSeconds(5)))) {
            aliceParks(fx, "alice", "bob");
            await().until(() -> fx.phone("alice").isReleased());
            Channel carol = fx.inbound("carol");
            carol.setLocation(new DialplanLocation("parkedcalls", "701", 1));

            ApplicationResult result = new ParkedCallApp(fx.transfers)
                    .execute(DialplanCalls.call(carol, fx.channels), DialplanCalls.args("701"));

            assertThat(result).isInstanceOf(ApplicationResult.Suspend.class);
            assertThat(carol.state()).isEqualTo(ChannelState.UP);
            assertThat(carol.bridgedPeer()).contains(fx.channelOf("bob"));
            assertThat(fx.phone("bob").indications).contains(Control.UNHOLD);
            assertThat(fx.transfers.parkedCalls()).isEmpty();
            assertThat(fx.liveChannels()).noneMatch(name -> name.startsWith("Transfer/"));
            assertThat(fx.transfers.statistics().retrieved()).isEqualTo(1);

            fx.phone("bob").hangUpFromFarEnd();
            ApplicationResult after = ((ApplicationResult.Suspend) result).resume().toCompletableFuture()
                    .get(5, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(after).isEqualTo(ApplicationResult.HANGUP);
            assertThat(carol.isHungUp()).isTrue();
            assertThat(fx.liveChannels()).isEmpty();
        }
    }

    @Test
    void parkedCallOnAnEmptySlotEndsTheCall() throws Exception {
        try (TransferFixture fx = new TransferFixture()) {
            Channel carol = fx.inbound("carol");
            ApplicationResult result = new ParkedCallApp(fx.transfers)
                    .execute(DialplanCalls.call(carol, fx.channels), DialplanCalls.args("705"));
            assertThat(result).isEqualTo(ApplicationResult.HANGUP);
            assertThat(fx.transfers.parking().retrieve(705)).isEmpty();
        }
    }

    @Test
    void aParkedPartyThatHangsUpFreesItsSlot() {
        try (TransferFixture fx = new TransferFixture(lot(701, 720, LONG, true, Duration.ofSeconds(5)))) {
            aliceParks(fx, "alice", "bob");
            await().until(() -> fx.phone("alice").isReleased());

            fx.phone("bob").hangUpFromFarEnd();

            await().untilAsserted(() -> assertThat(fx.transfers.parkedCalls()).isEmpty());
            await().untilAsserted(() -> assertThat(fx.liveChannels()).isEmpty());
            assertThat(fx.transfers.parking().retrieve(701)).isEmpty();
            assertThat(fx.phone("bob").hangups.get()).isEqualTo(1);
        }
    }

    @Test
    void whenTheParkingTimeRunsOutTheParkerRingsAgainAndIsBridgedWhenItAnswers() {
        try (TransferFixture fx = new TransferFixture(lot(701, 720, Duration.ofMillis(300), true,
                Duration.ofSeconds(5)))) {
            aliceParks(fx, "alice", "bob");
            await().until(() -> fx.phone("alice").isReleased());

            await().untilAsserted(() -> assertThat(fx.phones.all("alice")).hasSize(2));
            Phone aliceAgain = fx.phones.all("alice").get(1);
            await().until(() -> aliceAgain.called);
            assertThat(fx.transfers.parkedCalls()).isEmpty();
            assertThat(fx.transfers.statistics().parkTimeouts()).isEqualTo(1);
            aliceAgain.answerFromFarEnd();

            await().untilAsserted(() -> assertThat(fx.channelOf("bob").bridgedPeer().map(Channel::name).orElse(""))
                    .startsWith("Phone/alice-"));
            assertThat(fx.phone("bob").indications).contains(Control.UNHOLD);
            assertThat(fx.phone("bob").isReleased()).isFalse();
            assertThat(fx.liveChannels()).noneMatch(name -> name.startsWith("Transfer/"));
            aliceAgain.hangUpFromFarEnd();
            await().untilAsserted(() -> assertThat(fx.liveChannels()).isEmpty());
        }
    }

    @Test
    void whenTheParkerDoesNotAnswerTheComebackTheParkedCallIsHungUp() {
        try (TransferFixture fx = new TransferFixture(lot(701, 720, Duration.ofMillis(200), true,
                Duration.ofMillis(300)))) {
            aliceParks(fx, "alice", "bob");

            await().until(() -> fx.phone("bob").isReleased());
            await().untilAsserted(() -> assertThat(fx.liveChannels()).isEmpty());
            assertThat(fx.phones.all("alice")).hasSize(2);
            assertThat(fx.phones.all("alice").get(1).isReleased()).isTrue();
        }
    }

    @Test
    void withoutComebackTheParkedCallIsHungUpWhenItsTimeRunsOut() {
        try (TransferFixture fx = new TransferFixture(lot(701, 720, Duration.ofMillis(200), false,
                Duration.ofSeconds(5)))) {
            aliceParks(fx, "alice", "bob");

            await().until(() -> fx.phone("bob").isReleased());
            await().untilAsserted(() -> assertThat(fx.liveChannels()).isEmpty());
            assertThat(fx.phones.all("alice")).hasSize(1);
            assertThat(fx.transfers.statistics().parkTimeouts()).isEqualTo(1);
        }
    }

    @Test
    void parkAppParksTheCallerItselfAfterTellingItsSlot() {
        try (TransferFixture fx = new TransferFixture(lot(701, 720, LONG, true, Duration.ofSeconds(5)))) {
            Channel carol = fx.inbound("carol");
            carol.setLocation(new DialplanLocation("parkedcalls", "700", 1));
            carol.setVariable("BLINDTRANSFER", "Phone/alice-0000abcd");

            ApplicationResult result = new ParkApp(fx.transfers).execute(DialplanCalls.call(carol, fx.channels),
                    DialplanCalls.args());

            assertThat(result).isEqualTo(ApplicationResult.HANGUP);
            assertThat(carol.isZombie()).isTrue();
            assertThat(fx.pbx.played).containsExactly("call-parked-at", "digits-7", "digits-0", "digits-1");
            assertThat(fx.phone("carol").isReleased()).isFalse();
            assertThat(fx.channelOf("carol").variable("PARKINGSLOT")).contains("701");
            assertThat(holdBridgeOf(fx, "carol")).isPresent();
            assertThat(fx.transfers.parkedCalls()).singleElement()
                    .satisfies(parked -> assertThat(parked.parker()).isEqualTo("Phone/alice-0000abcd"));
        }
    }

    @Test
    void parkingAPartyBridgedToSomeoneElseHangsThatOneUpAndStillTellsTheParker() {
        try (TransferFixture fx = new TransferFixture(lot(701, 720, LONG, true, Duration.ofSeconds(5)))) {
            Bridge call = fx.call("alice", "bob", "", "");
            Channel carol = fx.answered("carol");

            TransferOutcome outcome = fx.transfers.park(call.second(), carol);

            assertThat(outcome.completed()).isTrue();
            await().untilAsserted(() -> assertThat(fx.phone("alice").isReleased()).isTrue());
            await().untilAsserted(() -> assertThat(fx.phone("carol").isReleased()).isTrue());
            assertThat(fx.pbx.played).containsExactly("call-parked-at", "digits-7", "digits-0", "digits-1");
            assertThat(holdBridgeOf(fx, "bob")).isPresent();
        }
    }

    @Test
    void closingTheLotHangsUpParkedCallsAndRefusesNewOnes() {
        TransferFixture fx = new TransferFixture(lot(701, 720, LONG, true, Duration.ofSeconds(5)));
        try (fx) {
            aliceParks(fx, "alice", "bob");
            await().until(() -> fx.phone("alice").isReleased());
            fx.transfers.parking().close();
            assertThat(fx.phone("bob").isReleased()).isTrue();
            assertThat(fx.liveChannels()).isEmpty();
            Bridge call = fx.call("carol", "dave", "", "");
            assertThat(fx.transfers.park(call.second(), call.first()).result()).isEqualTo(TransferResult.UNAVAILABLE);
        }
    }

    @Test
    void closingTheLotWhileACallRingsItsParkerAgainHangsUpBoth() {
        try (TransferFixture fx = new TransferFixture(lot(701, 720, Duration.ofMillis(200), true,
                Duration.ofSeconds(10)))) {
            aliceParks(fx, "alice", "bob");
            await().untilAsserted(() -> assertThat(fx.phones.all("alice")).hasSize(2));
            Phone aliceAgain = fx.phones.all("alice").get(1);
            await().until(() -> aliceAgain.called);

            fx.transfers.parking().close();

            assertThat(fx.phone("bob").isReleased()).isTrue();
            await().until(aliceAgain::isReleased);
            await().untilAsserted(() -> assertThat(fx.liveChannels()).isEmpty());
        }
    }

    @Test
    void parkingAGoneChannelIsNoSuchCall() {
        try (TransferFixture fx = new TransferFixture()) {
            Channel bob = fx.answered("bob");
            fx.phone("bob").hangUpFromFarEnd();
            assertThat(fx.transfers.park(bob, null).result()).isEqualTo(TransferResult.NO_SUCH_CALL);
            assertThat(fx.transfers.parkedCalls()).isEmpty();
        }
    }
}
