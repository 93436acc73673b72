package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

/** The masquerade contract, Part 1: one test per promise. */
class MasqueradeTest {

    private final CoreFixture fixture = new CoreFixture();
    private final ChannelCore core = fixture.core;

    @AfterEach
    void stop() {
        assertThat(core.invariantViolations()).isEmpty();
        core.stop();
    }

    @Test
    void theOriginalTakesOverTheClonesDriverSideNameAndUniqueId() {
        Channel original = fixture.request("dummy");
        Channel clone = fixture.inbound("alice");
        clone.answer();
        String originalName = original.name();
        String originalId = original.uniqueId();
        String cloneName = clone.name();
        String cloneId = clone.uniqueId();
        TestDriver.Side originalSide = fixture.sideOf(original);
        TestDriver.Side cloneSide = fixture.sideOf(clone);

        core.masquerade(original, clone);

        assertThat(original.name()).isEqualTo(cloneName);
        assertThat(original.uniqueId()).isEqualTo(cloneId);
        assertThat(original.state()).isEqualTo(ChannelState.UP);
        assertThat(original.callerId().name()).isEqualTo("alice");
        assertThat(fixture.sideOf(original)).isSameAs(cloneSide);
        assertThat(cloneSide.link.owner()).isSameAs(original);
        assertThat(cloneSide.owner).as("the driver rebound its owner in fixup").isSameAs(original);
        assertThat(cloneSide.hangups).hasValue(0);

        assertThat(clone.isZombie()).isTrue();
        assertThat(clone.isHungUp()).isTrue();
        assertThat(clone.name()).isEqualTo(originalName + "<ZOMBIE>");
        assertThat(clone.uniqueId()).isEqualTo(originalId);
        assertThat(fixture.sideOf(clone)).isSameAs(originalSide);
        assertThat(originalSide.hangups).as("the original's old driver side is hung up exactly once").hasValue(1);
        assertThat(originalSide.owner).isSameAs(clone);

        assertThat(core.findByName(cloneName)).containsSame(original);
        assertThat(core.findByUniqueId(cloneId)).containsSame(original);
        assertThat(core.findByName(originalName)).isEmpty();
        assertThat(core.findByUniqueId(originalId)).isEmpty();
        assertThat(core.channels()).containsExactly(original);
    }

    @Test
    void fixupsSeeConsistentStateAndTellEachDriverItsNewOwner() {
        Channel original = fixture.request("dummy");
        Channel clone = fixture.request("bob");
        TestDriver.Side originalSide = fixture.sideOf(original);
        TestDriver.Side cloneSide = fixture.sideOf(clone);
        String zombieName = original.name() + "<ZOMBIE>";
        String cloneName = clone.name();

        core.masquerade(original, clone);

        // each fixup sees the names already swapped: (old owner -> new owner)
        assertThat(cloneSide.fixups).containsExactly(zombieName + " -> " + cloneName);
        assertThat(originalSide.fixups).containsExactly(cloneName + " -> " + zombieName);
    }

    @Test
    void aDriverThatCallsMasqueradeHoldingItsPvtLockGetsAClearError() {
        Channel original = fixture.request("dummy");
        Channel clone = fixture.request("bob");
        var pvtLock = fixture.sideOf(clone).link.pvtLock();

        pvtLock.lock();
        try {
            assertThatThrownBy(() -> core.masquerade(original, clone))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("masquerade refused: the calling thread holds the PVT:Test lock of the driver side of channel " + clone.name())
                    .hasMessageContaining("taken at org.strowger.channel.core.MasqueradeTest.aDriverThatCallsMasqueradeHoldingItsPvtLockGetsAClearError");
        } finally {
            pvtLock.unlock();
        }
        assertThat(original.isZombie() || clone.isZombie()).isFalse();
        assertThat(core.validator.statistics().refusedCoreCalls()).isEqualTo(1);
    }

    @Test
    void masqueradeRenameAndHangupAreRefusedUnderAChannelLock() {
        Channel original = fixture.request("dummy");
        Channel clone = fixture.request("bob");
        CoreChannel locked = (CoreChannel) original;

        locked.lock.lock();
        try {
            assertThatThrownBy(() -> core.masquerade(original, clone)).hasMessageContaining(
                    "the calling thread holds the CHANNEL lock of channel " + original.name());
            assertThatThrownBy(() -> core.changeName(clone, "Test/x")).hasMessageContaining("changeName refused");
            assertThatThrownBy(() -> core.hangup(clone, HangupCause.NORMAL_CLEARING)).hasMessageContaining("hangup refused");
        } finally {
            locked.lock.unlock();
        }
        assertThat(clone.isHungUp()).isFalse();
    }

    @Test
    void refusesAChannelWithItselfAZombieAndAHungUpChannel() {
        Channel a = fixture.request("a");
        Channel b = fixture.request("b");
        Channel c = fixture.request("c");
        Channel d = fixture.request("d");

        assertThatThrownBy(() -> core.masquerade(a, a)).hasMessageContaining("into itself");

        core.masquerade(a, b);
        assertThatThrownBy(() -> core.masquerade(c, b)).hasMessageContaining("zombie");
        assertThatThrownBy(() -> core.masquerade(b, c)).hasMessageContaining("zombie");

        core.hangup(d, HangupCause.NORMAL_CLEARING);
        assertThatThrownBy(() -> core.masquerade(c, d)).hasMessageContaining("hung up");
        assertThatThrownBy(() -> core.masquerade(d, c)).hasMessageContaining("hung up");
        assertThat(core.findByName(d.name())).as("a hung-up channel is never relinked").isEmpty();
        assertThat(c.isZombie()).isFalse();
    }

    @Test
    void aChannelAlreadyInAMasqueradeIsRefused() throws Exception {
        Channel original = fixture.request("dummy");
        Channel clone = fixture.request("bob");
        Channel other = fixture.request("carol");
        CyclicBarrier inFixup = new CyclicBarrier(2);
        CyclicBarrier release = new CyclicBarrier(2);
        // the clone's driver pauses inside its fixup, so the masquerade is seen running
        ((CoreChannel) clone).link.side = new TestDriver.Side("bob", fixture.sideOf(clone).link) {
            @Override
            public void fixup(Channel oldOwner, Channel newOwner) {
                await(inFixup);
                await(release);
            }
        };
        Thread running = new Thread(() -> core.masquerade(original, clone));
        running.start();
        inFixup.await();

        assertThatThrownBy(() -> core.masquerade(other, clone))
                .hasMessageContaining("already involved in a masquerade in progress");
        assertThatThrownBy(() -> core.masquerade(original, other))
                .hasMessageContaining("already involved in a masquerade in progress");

        release.await();
        running.join(5000);
        assertThat(clone.isZombie()).isTrue();
        assertThat(other.isZombie()).isFalse();
    }

    @Test
    void crossedMasqueradesHappenExactlyOnceWithoutDeadlock() throws Exception {
        for (int round = 0; round < 500; round++) {
            Channel a = fixture.request("a");
            Channel b = fixture.request("b");
            AtomicInteger done = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            CyclicBarrier start = new CyclicBarrier(2);
            Thread ab = new Thread(() -> attempt(start, () -> core.masquerade(a, b), done, refused));
            Thread ba = new Thread(() -> attempt(start, () -> core.masquerade(b, a), done, refused));
            ab.start();
            ba.start();
            ab.join(5000);
            ba.join(5000);

            assertThat(ab.isAlive() || ba.isAlive()).as("deadlock in round " + round).isFalse();
            assertThat(done).as("round " + round).hasValue(1);
            assertThat(refused).hasValue(1);
            assertThat(a.isZombie() ^ b.isZombie()).isTrue();
            Channel survivor = a.isZombie() ? b : a;
            core.hangup(survivor, HangupCause.NORMAL_CLEARING);
        }
        assertThat(core.channelCount()).isZero();
        assertThat(fixture.driver.sides).allSatisfy(side -> assertThat(side.hangups).hasValue(1));
    }

    @Test
    void masqueradeRacingHangupOfEitherChannelLeavesAConsistentCore() throws Exception {
        for (int round = 0; round < 500; round++) {
            Channel original = fixture.request("dummy");
            Channel clone = fixture.request("bob");
            Channel hungUp = round % 2 == 0 ? original : clone;
            AtomicInteger done = new AtomicInteger();
            AtomicInteger refused = new AtomicInteger();
            CyclicBarrier start = new CyclicBarrier(2);
            Thread masquerade = new Thread(() -> attempt(start, () -> core.masquerade(original, clone), done, refused));
            Thread hangup = new Thread(() -> attempt(start, () -> core.hangup(hungUp, HangupCause.NORMAL_CLEARING),
                    new AtomicInteger(), new AtomicInteger()));
            masquerade.start();
            hangup.start();
            masquerade.join(5000);
            hangup.join(5000);

            assertThat(masquerade.isAlive() || hangup.isAlive()).as("deadlock").isFalse();
            assertThat(hungUp.isHungUp()).isTrue();
            assertThat(core.invariantViolations()).as("round " + round).isEmpty();
            if (done.get() == 1) {
                assertThat(clone.isZombie()).isTrue();
            } else {
                assertThat(refused).hasValue(1);
                assertThat(clone.isZombie()).isFalse();
            }
            for (Channel channel : List.of(original, clone)) {
                if (!channel.isHungUp()) {
                    assertThat(core.findByName(channel.name())).containsSame(channel);
                    core.hangup(channel, HangupCause.NORMAL_CLEARING);
                } else {
                    assertThat(core.findByName(channel.name())).as("a hung-up channel is never relinked")
                            .isEmpty();
                }
            }
        }
        assertThat(core.channelCount()).isZero();
        assertThat(fixture.driver.sides).allSatisfy(side -> assertThat(side.hangups).hasValue(1));
    }

    @Test
    void chainedMasqueradesEndWithTheDriverSideInTheLastOriginal() {
        Channel phone = fixture.inbound("phone");
        Channel first = fixture.request("first");
        Channel second = fixture.request("second");
        TestDriver.Side phoneSide = fixture.sideOf(phone);
        String phoneName = phone.name();

        core.masquerade(first, phone);
        core.masquerade(second, first);

        assertThat(fixture.sideOf(second)).isSameAs(phoneSide);
        assertThat(phoneSide.link.owner()).isSameAs(second);
        assertThat(phoneSide.owner).isSameAs(second);
        assertThat(second.name()).isEqualTo(phoneName);
        assertThat(first.isZombie()).isTrue();
        assertThat(phone.isZombie()).isTrue();
        assertThat(core.channels()).containsExactly(second);
        assertThat(phoneSide.hangups).hasValue(0);
    }

    @Test
    void queuedFramesMoveToTheOriginalClonesFirstWithNothingLost() throws Exception {
        Channel original = fixture.request("dummy");
        Channel clone = fixture.request("bob");
        fixture.sideOf(original).link.queueFrame(DtmfFrame.end('1', Duration.ZERO));
        fixture.sideOf(clone).link.queueFrame(DtmfFrame.end('2', Duration.ZERO));
        fixture.sideOf(clone).link.queueFrame(DtmfFrame.end('3', Duration.ZERO));

        core.masquerade(original, clone);
        fixture.sideOf(original).link.queueFrame(DtmfFrame.end('4', Duration.ZERO));

        StringBuilder digits = new StringBuilder();
        Frame frame;
        while ((frame = original.read(Duration.ZERO)) != null) {
            digits.append(((DtmfFrame) frame).digit());
        }
        assertThat(digits).hasToString("2314");
        assertThat(clone.read(Duration.ZERO)).isEqualTo(ControlFrame.of(Control.HANGUP));
    }

    @Test
    void aReaderBlockedOnTheOriginalContinuesWithTheNewDriverSide() throws Exception {
        Channel original = fixture.request("dummy");
        Channel clone = fixture.request("bob");
        List<Frame> read = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try {
                read.add(original.read(Duration.ofSeconds(10)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        reader.start();
        org.awaitility.Awaitility.await().until(() -> reader.getState() == Thread.State.TIMED_WAITING);

        core.masquerade(original, clone);
        fixture.sideOf(original).link.queueFrame(ControlFrame.of(Control.PROGRESS));
        reader.join(5000);

        assertThat(read).containsExactly(ControlFrame.of(Control.PROGRESS));
    }

    @Test
    void aBridgedOriginalKeepsItsBridgeWithItsNewDriverSide() {
        Channel carol = fixture.inbound("carol");
        Channel bob2 = fixture.request("bob");
        Channel alice = fixture.inbound("alice");
        var bridge = core.bridge(carol, bob2);
        TestDriver.Side aliceSide = fixture.sideOf(alice);
        TestDriver.Side bobSide = fixture.sideOf(bob2);

        core.masquerade(bob2, alice);

        assertThat(bridge.isActive()).isTrue();
        assertThat(bob2.bridgedPeer()).containsSame(carol);
        assertThat(bobSide.hangups).as("bob's leg of the consultation call is hung up").hasValue(1);
        // carol speaks: it reaches alice's driver; alice speaks: it reaches carol
        VoiceFrame fromCarol = new VoiceFrame(Codec.ULAW, new byte[160], 160, 0);
        fixture.sideOf(carol).link.queueFrame(fromCarol);
        assertThat(aliceSide.written).containsExactly(fromCarol);
        VoiceFrame fromAlice = new VoiceFrame(Codec.ULAW, new byte[160], 160, 160);
        aliceSide.link.queueFrame(fromAlice);
        assertThat(fixture.sideOf(carol).written).containsExactly(fromAlice);
    }

    @Test
    void aBridgedCloneEndsItsBridgeAndItsPeerIsHungUp() {
        Channel bob1 = fixture.request("bob1");
        Channel alice = fixture.inbound("alice");
        var call1 = core.bridge(alice, bob1);
        Channel bob2 = fixture.request("bob2");

        core.masquerade(bob2, alice);

        assertThat(call1.isActive()).isFalse();
        assertThat(bob1.isHungUp()).isTrue();
        assertThat(bob1.hangupCause()).contains(HangupCause.NORMAL_CLEARING);
        assertThat(bob2.isHungUp()).isFalse();
    }

    @Test
    void twoChannelsBridgedToEachOtherAreRefused() {
        Channel a = fixture.request("a");
        Channel b = fixture.request("b");
        core.bridge(a, b);

        assertThatThrownBy(() -> core.masquerade(a, b)).hasMessageContaining("bridged to each other");
    }

    @Test
    void theZombieIsHarmlessToUse() throws Exception {
        Channel original = fixture.request("dummy");
        Channel clone = fixture.request("bob");
        core.masquerade(original, clone);
        TestDriver.Side oldSide = fixture.sideOf(clone);

        assertThat(clone.write(new VoiceFrame(Codec.ULAW, new byte[8], 8, 0))).isFalse();
        clone.answer();
        clone.indicate(Control.RINGING);
        core.hangup(clone, HangupCause.NORMAL_CLEARING);
        assertThatThrownBy(() -> core.changeName(clone, "Test/again")).hasMessageContaining("hung up");

        assertThat(oldSide.written).isEmpty();
        assertThat(oldSide.indicated).isEmpty();
        assertThat(oldSide.hangups).hasValue(1);
        assertThat(core.channels()).containsExactly(original);
    }

    private static void attempt(CyclicBarrier start, Runnable operation, AtomicInteger done, AtomicInteger refused) {
        await(start);
        try {
            operation.run();
            done.incrementAndGet();
        } catch (IllegalStateException refusal) {
            refused.incrementAndGet();
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
