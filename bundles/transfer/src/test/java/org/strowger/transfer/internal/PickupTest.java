package org.strowger.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DialplanLocation;
import org.strowger.pbx.ApplicationResult;
import org.strowger.transfer.internal.pickup.PickupApp;

/** Pickup(exten@context) over the real core: the ringing channel takes the picker's driver side. */
class PickupTest {

    /** A callee as Dial places it: at the caller's extension, ringing. */
    private static Channel ringing(TransferFixture fx, String resource, String extension)
            throws ChannelUnavailableException {
        Channel callee = fx.channels.request("Phone/" + resource);
        callee.setLocation(new DialplanLocation("internal", extension, 1));
        callee.call(Duration.ofSeconds(30));
        fx.phone(resource).ring();
        return callee;
    }

    @Test
    void pickupMakesTheRingingChannelCarryThePickersPhoneAndReleasesTheRingingPhone() throws Exception {
        try (TransferFixture fx = new TransferFixture()) {
            Channel callee = ringing(fx, "bob", "102");
            assertThat(callee.state()).isEqualTo(ChannelState.RINGING);
            Channel picker = fx.inbound("carol");
            picker.setLocation(new DialplanLocation("internal", "*8102", 1));

            ApplicationResult result = new PickupApp(fx.transfers)
                    .execute(DialplanCalls.call(picker, fx.channels), DialplanCalls.args("102@internal"));

            assertThat(result).isEqualTo(ApplicationResult.HANGUP);
            assertThat(fx.phone("bob").isReleased()).isTrue();
            assertThat(callee.name()).startsWith("Phone/carol-");
            assertThat(callee.state()).isEqualTo(ChannelState.UP);
            assertThat(callee.isHungUp()).isFalse();
            assertThat(picker.isZombie()).isTrue();
            assertThat(picker.variable("PICKUPSTATUS")).contains("SUCCESS");
            assertThat(fx.phone("carol").isReleased()).isFalse();
            assertThat(fx.transfers.statistics().pickups()).isEqualTo(1);
        }
    }

    @Test
    void pickupWithoutContextLooksInThePickersContext() throws Exception {
        try (TransferFixture fx = new TransferFixture()) {
            Channel callee = ringing(fx, "bob", "102");
            Channel picker = fx.inbound("carol");

            ApplicationResult result = new PickupApp(fx.transfers)
                    .execute(DialplanCalls.call(picker, fx.channels), DialplanCalls.args("102"));

            assertThat(result).isEqualTo(ApplicationResult.HANGUP);
            assertThat(callee.name()).startsWith("Phone/carol-");
        }
    }

    @Test
    void pickupOfAnExtensionWhereNothingRingsFailsAndTheDialplanGoesOn() throws Exception {
        try (TransferFixture fx = new TransferFixture()) {
            Channel callee = ringing(fx, "bob", "102");
            Channel picker = fx.inbound("carol");

            ApplicationResult result = new PickupApp(fx.transfers)
                    .execute(DialplanCalls.call(picker, fx.channels), DialplanCalls.args("103@internal"));

            assertThat(result).isEqualTo(ApplicationResult.CONTINUE);
            assertThat(picker.variable("PICKUPSTATUS")).contains("FAILED");
            assertThat(picker.isZombie()).isFalse();
            assertThat(callee.state()).isEqualTo(ChannelState.RINGING);
            assertThat(fx.phone("bob").isReleased()).isFalse();
        }
    }

    /** Two pickers at once: one takes the call, the other gets BUSY and its phone stays up. */
    @Test
    void twoPickupsOfOneRingingCallAtOnceTakeItOnce() throws Exception {
        for (int round = 0; round < 100; round++) {
            try (TransferFixture fx = new TransferFixture()) {
                Channel callee = ringing(fx, "bob" + round, "102");
                Channel carol = fx.inbound("carol" + round);
                Channel dave = fx.inbound("dave" + round);
                java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
                java.util.concurrent.CompletableFuture<org.strowger.transfer.TransferOutcome> byDave =
                        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                            await(start);
                            return fx.transfers.pickup(dave, "102", "internal");
                        });
                await(start);
                org.strowger.transfer.TransferOutcome byCarol = fx.transfers.pickup(carol, "102", "internal");
                org.strowger.transfer.TransferOutcome other = byDave.get(5, java.util.concurrent.TimeUnit.SECONDS);

                assertThat(java.util.List.of(byCarol.completed(), other.completed()))
                        .as("round %d: %s / %s", round, byCarol, other).containsExactlyInAnyOrder(true, false);
                org.strowger.transfer.TransferOutcome lost = byCarol.completed() ? other : byCarol;
                assertThat(lost.result()).isIn(org.strowger.transfer.TransferResult.BUSY,
                        org.strowger.transfer.TransferResult.NO_SUCH_CALL);
                Channel loser = byCarol.completed() ? dave : carol;
                assertThat(loser.isHungUp()).as("round %d: the loser's line", round).isFalse();
                assertThat(callee.isHungUp()).isFalse();
                assertThat(fx.transfers.statistics().pickups()).isEqualTo(1);
            }
        }
    }

    private static void await(java.util.concurrent.CyclicBarrier barrier) {
        try {
            barrier.await(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
