package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.VoiceFrame;

/** {@link Channel#readable()}: a wake-up for a reader without a thread, never fired under a lock. */
class ReadableTest {

    private final CoreFixture fixture = new CoreFixture();
    private final ChannelCore core = fixture.core;
    private final Channel alice = fixture.inbound("alice");

    @AfterEach
    void stop() {
        assertThat(core.invariantViolations()).isEmpty();
        core.stop();
    }

    @Test
    void completesWhenAFrameIsQueuedWithNoLockHeld() throws Exception {
        CompletableFuture<Void> readable = alice.readable().toCompletableFuture();
        List<Boolean> lockHeld = new CopyOnWriteArrayList<>();
        alice.readable().thenRun(() -> lockHeld.add(((CoreChannel) alice).lock.isHeldByCurrentThread()
                || core.validator.heldChannelOrPvtLock().isPresent()));
        assertThat(readable).isNotDone();

        fixture.sideOf(alice).link.queueFrame(ControlFrame.of(Control.PROGRESS));

        assertThat(readable).isDone();
        assertThat(lockHeld).containsExactly(false);
        assertThat(alice.read(Duration.ZERO)).isEqualTo(ControlFrame.of(Control.PROGRESS));
    }

    @Test
    void isCompleteAtOnceWhileAFrameWaitsAndNotOnceItIsRead() throws Exception {
        fixture.sideOf(alice).link.queueFrame(ControlFrame.of(Control.RINGING));
        assertThat(alice.readable().toCompletableFuture()).isDone();

        alice.read(Duration.ZERO);

        assertThat(alice.readable().toCompletableFuture()).isNotDone();
    }

    @Test
    void completesOnHangupAndIsCompleteForAHungUpChannel() {
        CompletableFuture<Void> readable = alice.readable().toCompletableFuture();

        core.hangup(alice, HangupCause.NORMAL_CLEARING);

        assertThat(readable).isDone();
        assertThat(alice.readable().toCompletableFuture()).isDone();
    }

    @Test
    void aMasqueradeWakesTheOriginalsAndTheClonesReaders() {
        Channel clone = fixture.request("clone");
        CompletableFuture<Void> original = alice.readable().toCompletableFuture();
        CompletableFuture<Void> zombie = clone.readable().toCompletableFuture();

        core.masquerade(alice, clone);

        assertThat(original).isDone();
        assertThat(zombie).isDone();
        assertThat(clone.readable().toCompletableFuture()).as("a zombie reads a hangup at once").isDone();
    }

    @Test
    void framesRelayedByABridgeDoNotCompleteIt() {
        Channel bob = fixture.request("bob");
        core.bridge(alice, bob);
        CompletableFuture<Void> readable = alice.readable().toCompletableFuture();

        fixture.sideOf(alice).link.queueFrame(new VoiceFrame(Codec.ULAW, new byte[160], 160, 0));

        assertThat(readable).isNotDone();
        assertThat(fixture.sideOf(bob).written).hasSize(1);
    }

    @Test
    void callersCannotCompleteIt() {
        CompletableFuture<Void> copy = alice.readable().toCompletableFuture();
        copy.complete(null);

        assertThat(alice.readable().toCompletableFuture()).isNotDone();
    }
}
