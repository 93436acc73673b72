package org.strowger.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.bridge.Bridge;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.TransferResult;

/**
 * The transfer service as a driver uses it (SIP REFER, INVITE with Replaces): every result, and
 * the four- and three-channel attended topologies of the reference.
 */
class TransferServiceTest {

    private final TransferFixture fixture = new TransferFixture(Timing.quick());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void blindTransferRunsTheTransfereeInTheDialplanAndEndsTheTransferer() {
        Bridge call = fixture.call("alice", "bob", "", "");

        TransferOutcome outcome = fixture.transfers.blindTransfer(call.first(), "103", null);

        assertThat(outcome.result()).isEqualTo(TransferResult.COMPLETED);
        assertThat(fixture.pbx.started).singleElement().satisfies(moved -> {
            assertThat(moved.name()).startsWith("Phone/bob-");
            assertThat(moved.location()).isEqualTo(new DialplanLocation("internal", "103", 1));
        });
        assertThat(call.first().isHungUp()).isTrue();
        assertThat(fixture.phone("alice").isReleased()).isTrue();
        assertThat(fixture.phone("bob").isReleased()).isFalse();
    }

    @Test
    void blindTransferResults() {
        Channel lonely = fixture.inbound("carol");
        assertThat(fixture.transfers.blindTransfer(lonely, "103", "internal").result())
                .isEqualTo(TransferResult.NO_SUCH_CALL);

        Bridge call = fixture.call("alice", "bob", "", "");
        assertThat(fixture.transfers.blindTransfer(call.first(), "999", "internal").result())
                .isEqualTo(TransferResult.NO_SUCH_EXTENSION);
        assertThat(call.isActive()).isTrue();

        fixture.transfers.usePbx(null, null, null);
        assertThat(fixture.transfers.blindTransfer(call.first(), "103", "internal").result())
                .isEqualTo(TransferResult.UNAVAILABLE);
        assertThat(call.isActive()).isTrue();
        assertThat(TransferResult.NO_SUCH_CALL.sipStatus()).isEqualTo(481);
    }

    @Test
    void blindTransferUsesTransferContextWhenSet() {
        fixture.pbx.extensions.add("5@other");
        Bridge call = fixture.call("alice", "bob", "", "");
        call.first().setVariable("TRANSFER_CONTEXT", "other");

        assertThat(fixture.transfers.blindTransfer(call.first(), "5", null).completed()).isTrue();
        assertThat(fixture.pbx.started.get(0).location().context()).isEqualTo("other");
    }

    @Test
    void attendedFourChannelsJoinsTransfereeAndTarget() {
        // alice (transferer) has bob on one call (A1) and carol on the other (A2)
        Bridge first = fixture.call("alice", "bob", "", "");
        Bridge second = fixture.call("alice2", "carol", "", "");
        Channel toTransferee = first.first();
        Channel toTarget = second.first();

        TransferOutcome outcome = fixture.transfers.attendedTransfer(toTransferee, toTarget);

        assertThat(outcome.completed()).isTrue();
        // toTarget's object now carries bob's phone, still bridged to carol
        assertThat(toTarget.name()).startsWith("Phone/bob-");
        assertThat(toTarget.bridgedPeer()).contains(second.second());
        assertThat(fixture.phone("alice").isReleased()).isTrue();
        assertThat(fixture.phone("alice2").isReleased()).isTrue();
        assertThat(fixture.phone("bob").isReleased()).isFalse();
        assertThat(fixture.phone("carol").isReleased()).isFalse();
        assertThat(fixture.transfers.statistics().attendedTransfers()).isEqualTo(1);
    }

    @Test
    void attendedThreeChannelsPutsTheTargetInTheTransfereesPlaceInTheDialplan() {
        // alice's first call is in an IVR (no bridge); her second is bridged to carol
        Channel inIvr = fixture.inbound("alice");
        inIvr.setLocation(new DialplanLocation("ivr", "s", 3));
        Bridge second = fixture.call("alice2", "carol", "", "");

        TransferOutcome outcome = fixture.transfers.attendedTransfer(inIvr, second.first());

        assertThat(outcome.completed()).isTrue();
        assertThat(inIvr.name()).startsWith("Phone/carol-");
        assertThat(inIvr.location()).isEqualTo(new DialplanLocation("ivr", "s", 3));
        assertThat(fixture.phone("alice").isReleased()).isTrue();
        assertThat(fixture.phone("alice2").isReleased()).isTrue();
    }

    @Test
    void attendedWithNothingBridgedOrAGoneCallIsNoSuchCall() {
        Channel one = fixture.inbound("alice");
        Channel two = fixture.inbound("alice2");
        assertThat(fixture.transfers.attendedTransfer(one, two).result()).isEqualTo(TransferResult.NO_SUCH_CALL);
        assertThat(fixture.transfers.attendedTransfer(one, one).result()).isEqualTo(TransferResult.NO_SUCH_CALL);
        fixture.phone("alice2").hangUpFromFarEnd();
        assertThat(fixture.transfers.attendedTransfer(one, two).result()).isEqualTo(TransferResult.NO_SUCH_CALL);
    }

    @Test
    void replaceMovesTheNewCallIntoTheOldOnesBridge() {
        Bridge call = fixture.call("alice", "bob", "", "");
        Channel replacement = fixture.inbound("carol");
        replacement.answer();

        TransferOutcome outcome = fixture.transfers.replace(call.second(), replacement);

        assertThat(outcome.completed()).isTrue();
        assertThat(call.second().name()).startsWith("Phone/carol-");
        assertThat(call.isActive()).isTrue();
        assertThat(fixture.phone("bob").isReleased()).isTrue();
        assertThat(replacement.isZombie()).isTrue();
    }

    @Test
    void pickupTakesTheRingingCall() throws Exception {
        Channel caller = fixture.inbound("alice");
        caller.setLocation(new DialplanLocation("internal", "102", 1));
        Channel ringing = fixture.channels.request("Phone/bob");
        ringing.setLocation(new DialplanLocation("internal", "102", 1));
        ringing.call(java.time.Duration.ofSeconds(30));
        fixture.phone("bob").ring();
        Channel picker = fixture.inbound("carol");

        assertThat(fixture.transfers.pickup(picker, "103", "internal").result()).isEqualTo(TransferResult.NO_SUCH_CALL);
        TransferOutcome outcome = fixture.transfers.pickup(picker, "102", "internal");

        assertThat(outcome.completed()).isTrue();
        assertThat(ringing.name()).startsWith("Phone/carol-");
        assertThat(ringing.state()).isEqualTo(org.strowger.channel.ChannelState.UP);
        assertThat(picker.isZombie()).isTrue();
        await().until(() -> fixture.phone("bob").isReleased());
        assertThat(fixture.transfers.statistics().pickups()).isEqualTo(1);
    }
}
