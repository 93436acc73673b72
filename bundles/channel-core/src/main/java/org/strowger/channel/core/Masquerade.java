package org.strowger.channel.core;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.core.lock.LockPair;
import org.strowger.channel.event.ChannelEvent;

/**
 * The masquerade: {@code original} takes over {@code clone}'s driver side, name and unique id;
 * the clone is left a zombie holding the original's old driver side, which is hung up.
 *
 * <p>Unlike Asterisk 1.8 (set up now, run by whoever touches the channel next, the source of its
 * races) it runs at once, in the caller's thread, like Asterisk 12's channel move, but without a
 * global move lock: both channels are claimed by compare-and-set, so a concurrent request that
 * involves either channel is refused rather than queued (no stall, no deadlock, exactly once),
 * and a concurrent hangup waits for the swap to finish. The swap itself happens under both
 * channel locks, taken in the lock-both order; the container keys move inside that critical
 * section, one atomic replace per key.
 */
final class Masquerade {

    static final String ZOMBIE_SUFFIX = "<ZOMBIE>";

    private final ChannelCore core;

    /**
     * Runs between the swap of the channels' links and the swap of the sides' owners, both channel
     * locks held: tests use it to land a report in that window. Does nothing in production.
     */
    volatile Runnable betweenLinkAndOwnerSwap = () -> { };

    Masquerade(ChannelCore core) {
        this.core = core;
    }

    void run(Channel originalChannel, Channel cloneChannel) {
        core.refuseIfLocksHeld("masquerade");
        CoreChannel original = ChannelCore.own(originalChannel);
        CoreChannel clone = ChannelCore.own(cloneChannel);
        if (original == clone) {
            throw refusal("cannot masquerade " + original.name + " into itself");
        }
        // claims in the fixed channel order: of two crossed requests (A,B) and (B,A) one always wins
        CoreChannel first = original.lock.order() < clone.lock.order() ? original : clone;
        CoreChannel second = first == original ? clone : original;
        Claim claim = new Claim(Claim.Kind.MASQUERADE);
        if (!first.tryClaim(claim)) {
            throw busy(first);
        }
        Swapped swapped;
        try {
            if (!second.tryClaim(claim)) {
                throw busy(second);
            }
            try {
                swapped = swapUnderBothLocks(original, clone);
                // the original's old driver side now hangs off the zombie: release it, with no lock held
                swapped.oldSideOfOriginal.hangUpSide(HangupCause.NORMAL_CLEARING);
            } finally {
                second.release(claim);
            }
        } finally {
            first.release(claim);
        }
        // readers of both wake, with no lock held: the original may have frames now, the zombie reads a hangup
        CoreChannel.wake(swapped.originalReadable);
        CoreChannel.wake(swapped.cloneReadable);
        publishEvents(original, clone, swapped);
        if (swapped.cloneBridge != null) {
            swapped.cloneBridge.memberGone(clone, HangupCause.NORMAL_CLEARING);
        }
    }

    private record Swapped(String originalOldName, String originalOldUniqueId, String cloneOldName,
            String zombieName, CoreLink oldSideOfOriginal, TwoPartyBridge cloneBridge,
            CompletableFuture<Void> originalReadable, CompletableFuture<Void> cloneReadable) {
    }

    private Swapped swapUnderBothLocks(CoreChannel original, CoreChannel clone) {
        LockPair.lockBoth(original.lock, clone.lock);
        try {
            for (CoreChannel channel : new CoreChannel[] {original, clone}) {
                if (channel.zombie) {
                    throw refusal("cannot masquerade " + channel.name + ": it is a zombie left by an earlier masquerade");
                }
                if (channel.hungUp) {
                    throw refusal("cannot masquerade " + channel.name + ": it is hung up");
                }
            }
            if (original.bridge != null && original.bridge == clone.bridge) {
                throw refusal("cannot masquerade " + clone.name + " into " + original.name
                        + ": they are bridged to each other");
            }
            String originalOldName = original.name;
            String originalOldUniqueId = original.uniqueId;
            String cloneName = clone.name;
            String cloneUniqueId = clone.uniqueId;
            String zombieName = originalOldName + ZOMBIE_SUFFIX;
            CoreLink originalSide = original.link;
            CoreLink cloneSide = clone.link;

            // driver sides change owners; reports from either driver now reach the right channel
            original.link = cloneSide;
            clone.link = originalSide;
            betweenLinkAndOwnerSwap.run();
            cloneSide.owner = original;
            originalSide.owner = clone;

            // identity follows the driver side; the container keys move in one step each
            original.name = cloneName;
            original.uniqueId = cloneUniqueId;
            core.index.rebind(cloneName, cloneUniqueId, clone, original);
            core.index.unbindName(originalOldName, original);
            core.index.unbindUniqueId(originalOldUniqueId, original);
            clone.name = zombieName;
            clone.uniqueId = originalOldUniqueId;

            ChannelState cloneState = clone.state;
            clone.state = original.state;
            original.state = cloneState;
            CallerId cloneCaller = clone.callerId();
            clone.setCallerId(original.callerId());
            original.setCallerId(cloneCaller);
            String cloneDialed = clone.dialedNumber;
            clone.dialedNumber = original.dialedNumber;
            original.dialedNumber = cloneDialed;
            var cloneFormats = clone.nativeFormats;
            clone.nativeFormats = original.nativeFormats;
            original.nativeFormats = cloneFormats;

            // frames: the clone's first, then the original's earlier ones; readers of the original wake
            if (clone.frames != null) {
                FrameQueue merged = clone.frames;
                clone.frames = null;
                merged.appendAll(original.frames);
                original.frames = merged;
            }
            original.signalReadersLocked();

            // variables: the original keeps its own and gains the clone's; the zombie sees all (its h extension)
            Map<String, String> merged = new HashMap<>(clone.variablesLocked());
            merged.putAll(original.variablesLocked());
            original.replaceVariablesLocked(merged);
            clone.replaceVariablesLocked(merged);

            TwoPartyBridge cloneBridge = clone.bridge;
            clone.bridge = null;
            clone.zombie = true;
            clone.hungUp = true;
            clone.hangupCause = HangupCause.NORMAL_CLEARING;
            clone.signalReadersLocked();

            // drivers rebind their own owner pointers; they may take only their pvt lock here
            core.callDriver(cloneSide, () -> cloneSide.side.fixup(clone, original), "fixup");
            core.callDriver(originalSide, () -> originalSide.side.fixup(original, clone), "fixup");
            return new Swapped(originalOldName, originalOldUniqueId, cloneName, zombieName, originalSide, cloneBridge,
                    original.takeReadableLocked(), clone.takeReadableLocked());
        } finally {
            LockPair.unlockBoth(original.lock, clone.lock);
        }
    }

    private void publishEvents(CoreChannel original, CoreChannel clone, Swapped swapped) {
        // suppliers: with no listener registered, nothing is built (not even a timestamp)
        core.events.publish(() -> new ChannelEvent.Masqueraded(Instant.now(), original, clone,
                swapped.originalOldName, swapped.cloneOldName));
        core.events.publish(() -> new ChannelEvent.Renamed(Instant.now(), original, swapped.originalOldName,
                swapped.cloneOldName));
        core.events.publish(() -> new ChannelEvent.Renamed(Instant.now(), clone, swapped.cloneOldName,
                swapped.zombieName));
        core.events.publish(() -> new ChannelEvent.HungUp(Instant.now(), clone, swapped.zombieName,
                swapped.originalOldUniqueId, HangupCause.NORMAL_CLEARING));
    }

    private IllegalStateException busy(CoreChannel channel) {
        Claim other = channel.currentClaim();
        String what = other == null ? "another operation" : "a " + other.kind().name().toLowerCase() + " in progress";
        String message = "cannot masquerade " + channel.name + ": it is already involved in " + what;
        // losing a race is normal under concurrency: the winner's swap is what counts
        ChannelCore.LOG.debug("Masquerade refused: {}", message);
        return new IllegalStateException(message);
    }

    private IllegalStateException refusal(String message) {
        ChannelCore.LOG.warn("Masquerade refused: {}", message);
        return new IllegalStateException(message);
    }
}
