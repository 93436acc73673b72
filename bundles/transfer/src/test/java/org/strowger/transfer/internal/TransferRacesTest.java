package org.strowger.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;
import org.strowger.transfer.TransferOutcome;

/**
 * Transfers racing hangups, each other and other masquerades, many rounds each, under the
 * strict lock-order validator and a deadlock watchdog. Every round ends with exactly one winner
 * and no channel left over; the fixture checks the core's invariants at the end.
 */
class TransferRacesTest {

    private static final int ROUNDS = 150;

    private final TransferFixture fixture = new TransferFixture(Timing.quick());
    private final Watchdog watchdog = new Watchdog();

    @AfterEach
    void close() {
        watchdog.close();
        fixture.close();
    }

    private void hangUpEverything() {
        for (Channel channel : fixture.channels.channels()) {
            fixture.channels.hangup(channel, HangupCause.NORMAL_CLEARING);
        }
        assertThat(fixture.liveChannels()).isEmpty();
    }

    @Test
    void transfereeHangsUpDuringABlindTransfer() throws Exception {
        AtomicInteger completed = new AtomicInteger();
        for (int round = 0; round < ROUNDS; round++) {
            Bridge call = fixture.call("a" + round, "b" + round, "", "");
            Phone transferee = fixture.phone("b" + round);
            List<TransferOutcome> outcomes = new CopyOnWriteArrayList<>();
            watchdog.together(5,
                    () -> outcomes.add(fixture.transfers.blindTransfer(call.first(), "103", "internal")),
                    transferee::hangUpFromFarEnd);
            TransferOutcome outcome = outcomes.get(0);
            if (outcome.completed()) {
                completed.incrementAndGet();
                // the transferee was moved first, then hung up: the moved channel is what hung up
                assertThat(fixture.pbx.started.get(fixture.pbx.started.size() - 1).isHungUp()).isTrue();
            }
            assertThat(call.first().isHungUp()).as("round %d: the transferer's call is over", round).isTrue();
            assertThat(fixture.liveChannels()).as("round %d", round).isEmpty();
        }
        // both orders happen over the rounds; either way nothing is left behind
        assertThat(completed.get()).isBetween(0, ROUNDS);
    }

    @Test
    void twoBlindTransfersOfOneCallAtOnceMakeOneMove() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Bridge call = fixture.call("a" + round, "b" + round, "", "");
            List<TransferOutcome> outcomes = new CopyOnWriteArrayList<>();
            int started = fixture.pbx.started.size();
            watchdog.together(5,
                    () -> outcomes.add(fixture.transfers.blindTransfer(call.first(), "103", "internal")),
                    () -> outcomes.add(fixture.transfers.blindTransfer(call.second(), "102", "internal")));
            assertThat(outcomes.stream().filter(TransferOutcome::completed).count()).as("round %d: %s", round, outcomes)
                    .isEqualTo(1);
            assertThat(fixture.pbx.started.size() - started).isEqualTo(1);
            // exactly one party was moved into the dialplan and is still up; the other was hung up
            assertThat(fixture.liveChannels()).as("round %d", round).hasSize(1);
            hangUpEverything();
        }
    }

    @Test
    void twoAttendedTransfersSharingACallMakeOneMove() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Bridge one = fixture.call("a" + round, "b" + round, "", "");
            Bridge two = fixture.call("c" + round, "d" + round, "", "");
            Bridge three = fixture.call("e" + round, "f" + round, "", "");
            List<TransferOutcome> outcomes = new CopyOnWriteArrayList<>();
            // both want b (bridged to one.first()) moved: into two's place, and into three's
            watchdog.together(5,
                    () -> outcomes.add(fixture.transfers.attendedTransfer(one.first(), two.first())),
                    () -> outcomes.add(fixture.transfers.attendedTransfer(one.first(), three.first())));
            assertThat(outcomes.stream().filter(TransferOutcome::completed).count()).as("round %d: %s", round, outcomes)
                    .isEqualTo(1);
            hangUpEverything();
        }
    }

    @Test
    void aTransferRacingAnotherMasqueradeOfTheTransferee() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            Bridge call = fixture.call("a" + round, "b" + round, "", "");
            Channel transferee = call.second();
            Channel other = fixture.channels.request(TransferTechnology.NAME + "/other");
            List<Object> results = new CopyOnWriteArrayList<>();
            watchdog.together(5,
                    () -> results.add(fixture.transfers.blindTransfer(call.first(), "103", "internal")),
                    () -> {
                        try {
                            fixture.channels.masquerade(other, transferee);
                            results.add("masquerade");
                        } catch (IllegalStateException e) {
                            results.add(e);
                        }
                    });
            long winners = results.stream().filter(r -> r.equals("masquerade")
                    || r instanceof TransferOutcome outcome && outcome.completed()).count();
            assertThat(winners).as("round %d: %s", round, results).isEqualTo(1);
            assertThat(fixture.phone("b" + round).isReleased()).as("round %d: b's phone survives", round).isFalse();
            hangUpEverything();
        }
    }

    @Test
    void featureCodesFromBothSidesAtOnce() throws Exception {
        int moved = 0;
        for (int round = 0; round < 40; round++) {
            Bridge call = fixture.call("a" + round, "b" + round, "t", "t");
            int started = fixture.pbx.started.size();
            Phone a = fixture.phone("a" + round);
            Phone b = fixture.phone("b" + round);
            watchdog.together(5, () -> a.press("#1103"), () -> b.press("#1102"));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> call.first().isHungUp() && call.second().isHungUp());
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                    .until(() -> fixture.transfers.statistics().inProgress() == 0);
            // never two moves; usually one. When the loser's late keys reach the pair the winner put back
            // together for its blind transfer, they start a new feature that takes the claim first: then
            // neither may complete (the core's invariants and the clean-up below still hold)
            int transfers = fixture.pbx.started.size() - started;
            moved += transfers;
            assertThat(transfers).as("round %d", round).isLessThanOrEqualTo(1);
            hangUpEverything();
        }
        assertThat(moved).as("rounds in which one of the two transfers went through").isPositive();
    }
}
