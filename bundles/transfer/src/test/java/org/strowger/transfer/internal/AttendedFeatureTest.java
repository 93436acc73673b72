package org.strowger.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.frame.Control;

/**
 * The DTMF attended transfer ({@code *2}) in every outcome of the reference: the target
 * answers and the transferer hangs up; the target is busy, does not answer, or leaves; the
 * transferer aborts with the disconnect code while ringing or while consulting; the transferer
 * hangs up while the target rings (blind completion, then callback); both gone. Bob (the callee,
 * option t) transfers alice to 103, reached as {@code Local/103@internal}.
 */
class AttendedFeatureTest {

    private static final String TARGET = "103@internal";

    private TransferFixture fixture = new TransferFixture(Timing.quick());

    @AfterEach
    void close() {
        fixture.close();
    }

    /** Bob dials *2 103; returns once the target rings. */
    private Bridge transferStarted() {
        Bridge call = fixture.call("alice", "bob", "", "t");
        fixture.phone("bob").press("*2103");
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.phones.has(TARGET));
        return call;
    }

    private Optional<Channel> peerOf(String resource) {
        return fixture.channelOf(resource).bridgedPeer();
    }

    @Test
    void targetAnswersThenTheTransfererHangsUpJoinsTransfereeAndTarget() {
        Bridge call = transferStarted();
        fixture.phone(TARGET).ring();
        // alice waits on hold, bob hears ringing
        await().until(() -> fixture.phone("alice").indications.contains(Control.HOLD));
        await().until(() -> fixture.phone("bob").indications.contains(Control.RINGING));
        assertThat(call.isActive()).isFalse();

        fixture.phone(TARGET).answerFromFarEnd();
        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Local/" + TARGET)).orElse(false));
        fixture.phone("bob").hangUpFromFarEnd();

        await().until(() -> peerOf("alice").map(p -> p.name().startsWith("Local/" + TARGET)).orElse(false));
        assertThat(fixture.phone("alice").indications).contains(Control.UNHOLD);
        assertThat(fixture.phone("alice").isReleased()).isFalse();
        assertThat(fixture.transfers.statistics().attendedTransfers()).isEqualTo(1);
        // the Dial's old channel objects are zombies; alice's call is owned by the features now
        assertThat(call.first().isZombie()).isTrue();
        assertThat(call.second().isZombie()).isTrue();
        fixture.phone("alice").hangUpFromFarEnd();
        await().until(() -> fixture.phone(TARGET).isReleased());
        await().until(() -> fixture.liveChannels().isEmpty());
    }

    @Test
    void targetBusySendsTheTransfererBackToTheTransferee() {
        transferStarted();

        fixture.phone(TARGET).busy();

        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Phone/alice-")).orElse(false));
        assertThat(fixture.phone("alice").indications).containsSubsequence(Control.HOLD, Control.UNHOLD);
        assertThat(fixture.transfers.statistics().attendedTransfers()).isZero();
        assertThat(fixture.transfers.statistics().failed()).isEqualTo(1);
    }

    @Test
    void targetNoAnswerWithinTheTimeoutSendsTheTransfererBack() {
        transferStarted();
        fixture.phone(TARGET).ring();

        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.phone(TARGET).isReleased());
        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Phone/alice-")).orElse(false));
    }

    @Test
    void disconnectCodeWhileRingingAborts() {
        transferStarted();
        fixture.phone(TARGET).ring();

        fixture.phone("bob").press("*0");

        await().until(() -> fixture.phone(TARGET).isReleased());
        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Phone/alice-")).orElse(false));
    }

    @Test
    void theTransferKeepsItsClaimSoAnotherTransferOfTheTransfererDuringTheConsultationIsBusy() {
        transferStarted();
        fixture.phone(TARGET).answerFromFarEnd();
        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Local/" + TARGET)).orElse(false));

        // a REFER from bob's phone now, say: the keyed transfer still holds bob, so it is refused
        org.strowger.transfer.TransferOutcome outcome =
                fixture.transfers.blindTransfer(fixture.channelOf("bob"), "102", "internal");

        assertThat(outcome.result()).isEqualTo(org.strowger.transfer.TransferResult.BUSY);
        assertThat(fixture.pbx.started).isEmpty();
        // and the attended transfer goes on as before
        fixture.phone("bob").hangUpFromFarEnd();
        await().until(() -> peerOf("alice").map(p -> p.name().startsWith("Local/" + TARGET)).orElse(false));
        assertThat(fixture.transfers.statistics().attendedTransfers()).isEqualTo(1);
    }

    @Test
    void disconnectCodeWhileConsultingDropsTheTargetAndGoesBack() {
        transferStarted();
        fixture.phone(TARGET).answerFromFarEnd();
        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Local/" + TARGET)).orElse(false));

        // bob has no 'h' option: in a consultation the transferer may abort all the same
        fixture.phone("bob").press("*0");

        await().until(() -> fixture.phone(TARGET).isReleased());
        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Phone/alice-")).orElse(false));
        assertThat(fixture.phone(TARGET).digitsReceived()).isEmpty();
    }

    @Test
    void targetHangsUpDuringTheConsultationSendsTheTransfererBack() {
        transferStarted();
        fixture.phone(TARGET).answerFromFarEnd();
        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Local/" + TARGET)).orElse(false));

        fixture.phone(TARGET).hangUpFromFarEnd();

        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Phone/alice-")).orElse(false));
        assertThat(fixture.phone("bob").isReleased()).isFalse();
    }

    @Test
    void transfererHangsUpWhileTheTargetRingsAndTheTargetAnswers() {
        transferStarted();
        fixture.phone(TARGET).ring();

        fixture.phone("bob").hangUpFromFarEnd();
        fixture.phone(TARGET).answerFromFarEnd();

        await().until(() -> peerOf("alice").map(p -> p.name().startsWith("Local/" + TARGET)).orElse(false));
        assertThat(fixture.transfers.statistics().attendedTransfers()).isEqualTo(1);
    }

    @Test
    void transfererHangsUpAndTheTargetDoesNotAnswerCallsTheTransfererBack() {
        transferStarted();
        fixture.phone(TARGET).ring();
        int bobsBefore = (int) fixture.phones.phones.stream().filter(p -> p.resource.equals("bob")).count();

        fixture.phone("bob").hangUpFromFarEnd();

        // after the no-answer timeout, bob's device (Phone/bob) is rung again
        await().atMost(Duration.ofSeconds(5)).until(() ->
                fixture.phones.phones.stream().filter(p -> p.resource.equals("bob")).count() > bobsBefore);
        fixture.phone("bob").answerFromFarEnd();
        await().until(() -> peerOf("alice").map(p -> p.name().startsWith("Phone/bob-")).orElse(false));
    }

    @Test
    void callbackGivesUpAfterItsRetriesAndHangsUpTheTransferee() {
        transferStarted();
        fixture.phone(TARGET).ring();

        fixture.phone("bob").hangUpFromFarEnd();

        // target times out, then two callbacks time out: alice is hung up
        await().atMost(Duration.ofSeconds(8)).until(() -> fixture.phone("alice").isReleased());
        assertThat(fixture.phones.phones.stream().filter(p -> p.resource.equals("bob")).count()).isEqualTo(3);
        await().until(() -> fixture.liveChannels().isEmpty());
    }

    @Test
    void dropCallHangsUpTheTransfereeInsteadOfCallingBack() {
        fixture.close();
        fixture = new TransferFixture(Timing.quick(true));
        transferStarted();
        fixture.phone(TARGET).ring();

        fixture.phone("bob").hangUpFromFarEnd();

        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.phone("alice").isReleased());
        assertThat(fixture.phones.phones.stream().filter(p -> p.resource.equals("bob")).count()).isEqualTo(1);
    }

    @Test
    void transfereeHangsUpThenTransfererHangsUpLeavesNobody() {
        transferStarted();
        fixture.phone(TARGET).answerFromFarEnd();
        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Local/" + TARGET)).orElse(false));

        fixture.phone("alice").hangUpFromFarEnd();
        fixture.phone("bob").hangUpFromFarEnd();

        await().until(() -> fixture.phone(TARGET).isReleased());
        await().until(() -> fixture.liveChannels().isEmpty());
        assertThat(fixture.transfers.statistics().attendedTransfers()).isZero();
    }

    @Test
    void transfereeHangsUpWhileTheTargetRingsThenTheTransfererTalksToTheTarget() {
        transferStarted();
        fixture.phone(TARGET).ring();

        fixture.phone("alice").hangUpFromFarEnd();
        fixture.phone(TARGET).answerFromFarEnd();

        await().until(() -> peerOf("bob").map(p -> p.name().startsWith("Local/" + TARGET)).orElse(false));
        fixture.phone(TARGET).hangUpFromFarEnd();
        // nobody to go back to: bob is hung up
        await().until(() -> fixture.phone("bob").isReleased());
        await().until(() -> fixture.liveChannels().isEmpty());
    }
}
