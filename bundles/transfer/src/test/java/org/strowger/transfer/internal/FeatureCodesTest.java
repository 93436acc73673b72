package org.strowger.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.frame.Control;

/**
 * DTMF feature codes in a bridge made as Dial makes it (alice calls bob): which side may use
 * what, digits held back and passed on, blind transfer and disconnect. Real core, strict lock
 * order; the fixture checks the core's invariants at the end.
 */
class FeatureCodesTest {

    private final TransferFixture fixture = new TransferFixture(Timing.quick());

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void blindTransferByTheCalleeSendsTheCallerToTheExtension() {
        Bridge call = fixture.call("alice", "bob", "", "t");
        Channel alice = call.first();
        Channel bob = call.second();
        String bobsName = bob.name();

        fixture.phone("bob").press("#1103");

        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.pbx.started.size() == 1);
        Channel moved = fixture.pbx.started.get(0);
        assertThat(moved.name()).startsWith("Phone/alice-");
        assertThat(moved.location().extension()).isEqualTo("103");
        assertThat(moved.location().context()).isEqualTo("internal");
        assertThat(moved.variable("BLINDTRANSFER")).contains(bobsName);
        // the features took both parties out of Dial's bridge: its channel objects are zombies
        assertThat(alice.isZombie()).isTrue();
        assertThat(bob.isZombie()).isTrue();
        await().until(() -> fixture.phone("bob").isReleased());
        assertThat(fixture.phone("alice").isReleased()).isFalse();
        // the code and the extension never reached alice
        assertThat(fixture.phone("alice").digitsReceived()).isEmpty();
        assertThat(fixture.phone("alice").indications).contains(Control.HOLD);
        assertThat(fixture.transfers.statistics().blindTransfers()).isEqualTo(1);
    }

    /**
     * A parked party keeps its DIAL_FEATURES (the masquerade copies variables), but the hold
     * bridge of the lot is the features' own: its keys start nothing and the call stays parked.
     */
    @Test
    void aParkedPartysKeysAreNotFeatureCodes() {
        Bridge call = fixture.call("alice", "bob", "tH", "tH");
        assertThat(fixture.transfers.park(call.first(), call.second()).completed()).isTrue();
        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.phone("bob").isReleased());

        fixture.phone("alice").press("*0");
        fixture.phone("alice").press("#1103");

        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                .until(() -> fixture.transfers.parkedCalls().size() == 1);
        assertThat(fixture.phone("alice").isReleased()).isFalse();
        assertThat(fixture.pbx.started).isEmpty();
        assertThat(fixture.transfers.statistics().blindTransfers()).isZero();
    }

    @Test
    void aPartyWithoutTheOptionSendsItsDigitsThrough() {
        fixture.call("alice", "bob", "", "t");

        fixture.phone("alice").press("#1103");

        await().until(() -> fixture.phone("bob").digitsReceived().equals("#1103"));
        assertThat(fixture.pbx.started).isEmpty();
    }

    @Test
    void keysThatAreNotACodeGoOnInOrder() {
        fixture.call("alice", "bob", "t", "");

        fixture.phone("alice").press("#5*9");

        // '#' was held as the start of #1, then went on before '5'; '*' held for *2, then '9'
        await().until(() -> fixture.phone("bob").digitsReceived().equals("#5*9"));
    }

    @Test
    void theStartOfACodeGoesOnWhenThePauseIsTooLong() {
        fixture.call("alice", "bob", "t", "");

        fixture.phone("alice").press("#");

        assertThat(fixture.phone("bob").digitsReceived()).isEmpty();
        await().atMost(Duration.ofSeconds(3)).until(() -> fixture.phone("bob").digitsReceived().equals("#"));
        assertThat(fixture.hook.collecting()).isZero();
    }

    @Test
    void anUnknownExtensionLeavesTheCallAsItWas() {
        Bridge call = fixture.call("alice", "bob", "", "t");

        fixture.phone("bob").press("#19");

        await().until(() -> fixture.pbx.played.contains("invalid"));
        // back together, in a bridge of the features now
        await().until(() -> fixture.channelOf("alice").bridgedPeer().map(p -> p.name().startsWith("Phone/bob-"))
                .orElse(false));
        assertThat(call.isActive()).isFalse();
        assertThat(fixture.phone("alice").indications).containsSubsequence(Control.HOLD, Control.UNHOLD);
        assertThat(fixture.transfers.statistics().failed()).isEqualTo(1);
    }

    @Test
    void anExtensionThatCouldGoOnIsTakenWhenTheTransfererStopsDialling() {
        fixture.pbx.extensions.add("10@internal");
        fixture.call("alice", "bob", "", "t");

        fixture.phone("bob").press("#110");

        // 10 exists but 101..103 could still follow: the transfer waits for the digit timeout
        assertThat(fixture.pbx.started).isEmpty();
        await().atMost(Duration.ofSeconds(3)).until(() -> fixture.pbx.started.size() == 1);
        assertThat(fixture.pbx.started.get(0).location().extension()).isEqualTo("10");
    }

    @Test
    void disconnectHangsUpTheFarParty() {
        Bridge call = fixture.call("alice", "bob", "h", "");

        fixture.phone("alice").press("*0");

        await().until(() -> fixture.phone("bob").isReleased());
        assertThat(call.isActive()).isFalse();
        assertThat(fixture.phone("alice").digitsReceived()).isEmpty();
    }

    @Test
    void aCodeSwitchedOffInTheSettingsIsNotACode() {
        TransferFixture quiet = new TransferFixture(new org.strowger.transfer.FeatureSettings("", "*2", "*0", "#72",
                Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofMillis(800), Duration.ofMillis(50), 2,
                false, "700", 701, 720, "parkedcalls", Duration.ofSeconds(45), true));
        try {
            quiet.call("alice", "bob", "t", "");
            quiet.phone("alice").press("#1");
            await().until(() -> quiet.phone("bob").digitsReceived().equals("#1"));
        } finally {
            quiet.close();
        }
    }

    @Test
    void theCalleeOfABlindTransferIsAnsweredStateUp() {
        Bridge call = fixture.call("alice", "bob", "t", "");

        fixture.phone("alice").press("#1600");

        await().until(() -> fixture.pbx.started.size() == 1);
        Channel moved = fixture.pbx.started.get(0);
        assertThat(moved.name()).startsWith("Phone/bob-");
        assertThat(moved.state()).isEqualTo(ChannelState.UP);
        await().until(() -> call.first().isHungUp());
    }

    @Test
    void parkCodeParksTheFarPartyAndTellsTheParkerTheSlot() {
        fixture.call("alice", "bob", "k", "");

        fixture.phone("alice").press("#72");

        await().until(() -> fixture.transfers.parkedCalls().size() == 1);
        assertThat(fixture.transfers.parkedCalls().get(0).channel()).startsWith("Phone/bob-");
        assertThat(fixture.transfers.parkedCalls().get(0).slot()).isEqualTo(701);
        await().until(() -> fixture.phone("alice").isReleased());
        assertThat(fixture.pbx.played).contains("digits-7", "digits-0", "digits-1");
        assertThat(fixture.phone("bob").isReleased()).isFalse();
        assertThat(fixture.phone("bob").digitsReceived()).isEmpty();
    }

    @Test
    void blindTransferByKeysToTheParkingExtensionParksTheOtherPartyAndTellsTheTransfererTheSlot() {
        fixture.call("alice", "bob", "t", "");

        // the transferee goes from hold into the lot under the transfer's claim, never bridged to alice again
        fixture.phone("alice").press("#1700");

        await().atMost(Duration.ofSeconds(5)).until(() -> fixture.transfers.parkedCalls().size() == 1);
        assertThat(fixture.transfers.parkedCalls().get(0).channel()).startsWith("Phone/bob-");
        assertThat(fixture.transfers.parkedCalls().get(0).slot()).isEqualTo(701);
        assertThat(fixture.transfers.parkedCalls().get(0).parker()).startsWith("Phone/alice-");
        await().until(() -> fixture.phone("alice").isReleased());
        assertThat(fixture.pbx.played).contains("digits-7", "digits-0", "digits-1");
        assertThat(fixture.pbx.started).isEmpty();
        assertThat(fixture.phone("bob").isReleased()).isFalse();
        assertThat(fixture.phone("bob").digitsReceived()).isEmpty();
        assertThat(fixture.transfers.statistics().parked()).isEqualTo(1);
        await().until(() -> fixture.transfers.statistics().inProgress() == 0);
        assertThat(fixture.transfers.statistics().failed()).isZero();
    }

    @Test
    void parkCodeWithoutTheOptionGoesThrough() {
        fixture.call("alice", "bob", "t", "");

        fixture.phone("alice").press("#72");

        await().until(() -> fixture.phone("bob").digitsReceived().equals("#72"));
        assertThat(fixture.transfers.parkedCalls()).isEmpty();
    }
}
