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
import org.strowger.transfer.TransferStatistics;

/**
 * Transfers racing hangups, each other and other masquerades, many rounds each, under the
 * strict lock-order validator and a deadlock watchdog. Every round ends with exactly one winner
 * and no channel left over; the fixture checks the core's invariants at the end.
 */
class TransferRacesTest {

    private static final int ROUNDS = 150;
    /** The feature-code race loses about one round in 60 without the winner's claim held throughout. */
    private static final int CODE_ROUNDS = 200;

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

    /**
     * Both parties of a call press the blind-transfer code at once, each dialling the other away.
     * Invariant, every round: the transfer that claimed the call first completes, its transferee
     * (the other party) ends up at the extension its transferer dialled, and the other party's code
     * is refused (every code recognised but the winner's counts as failed; keys that reach no
     * feature go on as ordinary DTMF); only the transferee's channel is left, and the lock-order
     * validator saw no violation. The winner keeps its claim on both parties until it is done, so
     * the loser's late keys never start a feature that takes them from it.
     */
    @Test
    void featureCodesFromBothSidesAtOnce() throws Exception {
        long refused = 0;
        for (int round = 0; round < CODE_ROUNDS; round++) {
            String a = "a" + round;
            String b = "b" + round;
            Bridge call = fixture.call(a, b, "t", "t");
            int started = fixture.pbx.started.size();
            TransferStatistics before = fixture.transfers.statistics();
            Phone aPhone = fixture.phone(a);
            Phone bPhone = fixture.phone(b);
            watchdog.together(5, () -> aPhone.press("#1103"), () -> bPhone.press("#1102"));
            // settled: the call is over, no transfer runs, nobody is in the middle of a code, so every code
            // recognised has had its outcome counted
            settle(round, () -> call.first().isHungUp() && call.second().isHungUp()
                    && fixture.transfers.statistics().inProgress() == 0 && fixture.hook.collecting() == 0);
            TransferStatistics after = fixture.transfers.statistics();

            assertThat(fixture.pbx.started.size() - started).as("round %d: transfers into the dialplan", round)
                    .isEqualTo(1);
            assertThat(after.blindTransfers() - before.blindTransfers()).as("round %d: blind transfers", round)
                    .isEqualTo(1);
            Channel moved = fixture.pbx.started.get(started);
            boolean aWon = moved.name().startsWith("Phone/" + b + "-");
            String transferer = aWon ? a : b;
            String transferee = aWon ? b : a;
            assertThat(moved.name()).as("round %d: the transferee is one of the two", round)
                    .startsWith("Phone/" + transferee + "-");
            assertThat(moved.location().context() + "/" + moved.location().extension())
                    .as("round %d: %s is at the extension %s dialled", round, transferee, transferer)
                    .isEqualTo("internal/" + (aWon ? "103" : "102"));
            assertThat(moved.variable("BLINDTRANSFER").orElse("")).as("round %d", round)
                    .startsWith("Phone/" + transferer + "-");
            assertThat(moved.isHungUp()).as("round %d: the transferee is still up", round).isFalse();
            assertThat(fixture.phone(transferee).isReleased()).as("round %d: %s's phone", round, transferee)
                    .isFalse();
            assertThat(fixture.phone(transferer).hangups.get()).as("round %d: %s's phone hung up once", round,
                    transferer).isEqualTo(1);
            long codes = after.featureCodes() - before.featureCodes();
            long failed = after.failed() - before.failed();
            assertThat(failed).as("round %d: every code but the winner's refused (%d codes recognised)", round, codes)
                    .isEqualTo(codes - 1);
            refused += failed;
            assertThat(fixture.liveChannels()).as("round %d: nothing left but the transferee", round)
                    .containsExactly(moved.name());
            assertThat(fixture.channels.lockStatistics().violations()).as("round %d: lock-order violations", round)
                    .isZero();
            hangUpEverything();
        }
        // the race is real: in most rounds both codes are recognised and the loser's is refused
        assertThat(refused).as("rounds in which the loser's code was recognised and refused").isPositive();
    }

    /** Waits for a round to settle, watchdog-style: a thread dump if it does not within 5 s. */
    private static void settle(int round, java.util.concurrent.Callable<Boolean> settled) {
        try {
            org.awaitility.Awaitility.await().pollDelay(java.time.Duration.ZERO)
                    .pollInterval(java.time.Duration.ofMillis(5)).atMost(java.time.Duration.ofSeconds(5))
                    .until(settled);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            throw new AssertionError("round " + round + " did not settle in 5 s (deadlock?)\n" + Watchdog.dump(), e);
        }
    }
}
