package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;

/**
 * A far end hangs up while its channel is masqueraded away (the transferee of a transfer hangs
 * up just then): the hangup must follow the driver side to its new channel, never be swallowed by
 * the zombie, which would leave a live channel with a dead far end.
 */
class FarEndHangupDuringMasqueradeTest {

    @Test
    void theHangupFollowsTheDriverSideToItsNewChannel() throws Exception {
        CoreFixture fixture = new CoreFixture();
        for (int round = 0; round < 300; round++) {
            Channel party = fixture.inbound("party" + round);
            Channel holder = fixture.request("holder" + round);
            TestDriver.Side side = fixture.sideOf(party);
            CyclicBarrier start = new CyclicBarrier(2);
            Thread hangup = new Thread(() -> {
                await(start);
                side.link.farEndHangup(HangupCause.NORMAL_CLEARING);
            });
            hangup.start();
            await(start);
            try {
                fixture.core.masquerade(holder, party);
            } catch (IllegalStateException refusedBecauseAlreadyHungUp) {
                // the hangup won: nothing was moved
            }
            hangup.join(5000);
            assertThat(hangup.isAlive()).as("round %d: hangup finished", round).isFalse();

            Channel owner = side.link.owner();
            assertThat(owner.isHungUp()).as("round %d: the channel that holds the side is hung up", round).isTrue();
            fixture.core.hangup(holder, HangupCause.NORMAL_CLEARING);
            assertThat(fixture.core.channelCount()).as("round %d", round).isZero();
        }
        assertThat(fixture.core.invariantViolations()).isEmpty();
    }

    /**
     * The hangup lands exactly between the masquerade's swap of the links and its swap of the
     * sides' owners: the side's owner still names the old channel, whose link is already the
     * other side. The hangup must wait for the swap and reach the new owner, not give up.
     */
    @Test
    void aHangupBetweenTheLinkAndOwnerSwapsReachesTheNewOwner() throws Exception {
        CoreFixture fixture = new CoreFixture();
        Channel party = fixture.inbound("party");
        Channel holder = fixture.request("holder");
        TestDriver.Side side = fixture.sideOf(party);
        Thread hangup = new Thread(() -> side.link.farEndHangup(HangupCause.NORMAL_CLEARING), "far-end");
        fixture.core.masquerade.betweenLinkAndOwnerSwap = () -> {
            hangup.start();
            // let the hangup read the half-swapped state: it either gives up (returns) or waits for the lock
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            while (hangup.isAlive() && hangup.getState() != Thread.State.WAITING && System.nanoTime() < end) {
                Thread.onSpinWait();
            }
        };

        fixture.core.masquerade(holder, party);
        hangup.join(5000);

        assertThat(hangup.isAlive()).isFalse();
        assertThat(side.link.owner()).isSameAs(holder);
        assertThat(side.link.owner().isHungUp()).as("the channel that now holds the side is hung up").isTrue();
        fixture.core.masquerade.betweenLinkAndOwnerSwap = () -> { };
        fixture.core.hangup(party, HangupCause.NORMAL_CLEARING);
        assertThat(fixture.core.invariantViolations()).isEmpty();
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
