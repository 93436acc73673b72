package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.HangupPolicy;

/**
 * {@link Bridge#ended()}: completes exactly once, after the bridge has hung up the member left
 * behind, with no core lock held by the completing thread; and the {@link HangupPolicy}
 * that decides who is left up.
 */
class BridgeEndedTest {

    private final CoreFixture fixture = new CoreFixture();
    private final ChannelCore core = fixture.core;
    private final Channel alice = fixture.inbound("alice");
    private final Channel bob = fixture.request("bob");

    @AfterEach
    void stop() {
        assertThat(core.invariantViolations()).isEmpty();
        core.stop();
    }

    @Test
    void completesOnceWithTheCauseAfterThePeerIsHungUpAndWithNoLockHeld() {
        TwoPartyBridge bridge = (TwoPartyBridge) core.bridge(alice, bob);
        Channel carol = fixture.request("carol");
        AtomicInteger completions = new AtomicInteger();
        List<String> seen = new CopyOnWriteArrayList<>();
        bridge.ended().thenAccept(cause -> {
            completions.incrementAndGet();
            seen.add("cause " + cause.orElseThrow().name());
            seen.add("alice hung up " + alice.isHungUp());
            seen.add("locks held " + (bridge.lock.isHeldByCurrentThread() || own(alice).lock.isHeldByCurrentThread()
                    || own(bob).lock.isHeldByCurrentThread() || core.validator.heldChannelOrPvtLock().isPresent()));
            // the lock rule refuses a hangup under a channel or pvt lock: this one must go through
            core.hangup(carol, HangupCause.NORMAL_CLEARING);
        });
        assertThat(bridge.ended().toCompletableFuture()).isNotDone();

        fixture.sideOf(bob).link.farEndHangup(HangupCause.USER_BUSY);
        // a second end (the peer's own hangup, a release) must not complete it again
        core.hangup(alice, HangupCause.NORMAL_CLEARING);
        bridge.release();

        assertThat(completions).hasValue(1);
        assertThat(seen).containsExactly("cause USER_BUSY", "alice hung up true", "locks held false");
        assertThat(carol.isHungUp()).isTrue();
        assertThat(bridge.ended().toCompletableFuture().getNow(null)).contains(HangupCause.USER_BUSY);
    }

    @Test
    void concurrentHangupsOfBothMembersCompleteItOnce() throws Exception {
        for (int round = 0; round < 200; round++) {
            Channel a = fixture.inbound("a" + round);
            Channel b = fixture.request("b" + round);
            Bridge bridge = core.bridge(a, b);
            AtomicInteger completions = new AtomicInteger();
            bridge.ended().thenRun(completions::incrementAndGet);
            CountDownLatch start = new CountDownLatch(1);
            Thread first = new Thread(() -> hangUpAfter(start, a, HangupCause.NORMAL_CLEARING));
            Thread second = new Thread(() -> hangUpAfter(start, b, HangupCause.USER_BUSY));
            first.start();
            second.start();
            start.countDown();
            first.join(5000);
            second.join(5000);

            assertThat(completions).as("round %d", round).hasValue(1);
            assertThat(a.isHungUp() && b.isHungUp()).isTrue();
        }
    }

    private void hangUpAfter(CountDownLatch start, Channel channel, HangupCause cause) {
        try {
            start.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        core.hangup(channel, cause);
    }

    @Test
    void releaseCompletesItEmptyAndLeavesBothUp() {
        Bridge bridge = core.bridge(alice, bob);

        bridge.release();

        assertThat(bridge.ended().toCompletableFuture().getNow(null)).isEqualTo(Optional.empty());
        assertThat(alice.isHungUp() || bob.isHungUp()).isFalse();
    }

    @Test
    void keepMembersUpLeavesThePeerUpWhenAMemberIsMasqueradedAway() {
        Bridge bridge = core.bridge(alice, bob);
        Channel holder = fixture.request("holder");

        bridge.keepMembersUp();
        core.masquerade(holder, alice);

        assertThat(bridge.isActive()).isFalse();
        assertThat(bridge.ended().toCompletableFuture().getNow(null)).contains(HangupCause.NORMAL_CLEARING);
        assertThat(bob.isHungUp()).isFalse();
        assertThat(holder.isHungUp()).isFalse();
        assertThat(bob.bridge()).isEmpty();
    }

    @Test
    void withoutKeepMembersUpAMasqueradedMemberEndsThePeer() {
        core.bridge(alice, bob);
        Channel holder = fixture.request("holder");

        core.masquerade(holder, alice);

        assertThat(bob.isHungUp()).isTrue();
    }

    @Test
    void keepFirstLeavesTheFirstUpWhenTheSecondLeaves() {
        Bridge bridge = core.bridge(alice, bob, HangupPolicy.KEEP_FIRST);

        fixture.sideOf(bob).link.farEndHangup(HangupCause.USER_BUSY);

        assertThat(bridge.ended().toCompletableFuture().getNow(null)).contains(HangupCause.USER_BUSY);
        assertThat(alice.isHungUp()).isFalse();
        assertThat(alice.bridge()).isEmpty();
    }

    @Test
    void keepFirstStillHangsUpTheSecondWhenTheFirstLeaves() {
        Bridge bridge = core.bridge(alice, bob, HangupPolicy.KEEP_FIRST);

        core.hangup(alice, HangupCause.NORMAL_CLEARING);

        assertThat(bridge.ended().toCompletableFuture()).isDone();
        assertThat(bob.isHungUp()).isTrue();
    }

    @Test
    void aMasqueradedOriginalStaysInTheBridgeAndItDoesNotEnd() {
        Bridge bridge = core.bridge(alice, bob);
        Channel carol = fixture.inbound("carol");

        core.masquerade(alice, carol);

        assertThat(bridge.isActive()).isTrue();
        assertThat(bridge.ended().toCompletableFuture()).isNotDone();
        fixture.sideOf(alice).link.farEndHangup(HangupCause.NORMAL_CLEARING);
        assertThat(bridge.ended().toCompletableFuture()).isDone();
        assertThat(bob.isHungUp()).isTrue();
    }

    @Test
    void aBridgedCloneLeftAZombieEndsItWithNormalClearing() {
        Bridge bridge = core.bridge(alice, bob);
        Channel dummy = fixture.request("dummy");

        core.masquerade(dummy, bob);

        assertThat(bridge.ended().toCompletableFuture().getNow(null)).contains(HangupCause.NORMAL_CLEARING);
        assertThat(alice.isHungUp()).isTrue();
        assertThat(dummy.isHungUp()).isFalse();
    }

    private static CoreChannel own(Channel channel) {
        return (CoreChannel) channel;
    }
}
