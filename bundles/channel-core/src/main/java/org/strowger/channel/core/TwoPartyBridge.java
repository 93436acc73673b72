package org.strowger.channel.core;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.BridgeHook;
import org.strowger.channel.bridge.HangupPolicy;
import org.strowger.channel.core.lock.LockPair;
import org.strowger.channel.core.lock.RankedLock;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.NullFrame;
import org.strowger.channel.frame.VoiceFrame;

/**
 * Two channels joined. There is no bridge thread: a frame a driver queues on one member is
 * relayed to the other member's driver in the driver's own thread. The bridge holds the
 * channel objects, not their driver sides, so a member masqueraded mid-call stays in the
 * bridge with its new driver.
 *
 * <p>{@link #ended()} completes once, after the bridge has ended and hung up the member left
 * behind (as its policy says), never under a lock: dependents may call the core.
 */
final class TwoPartyBridge implements Bridge {

    private final ChannelCore core;
    private final String id;
    final CoreChannel first;
    final CoreChannel second;
    final RankedLock lock;
    private final HangupPolicy policy;
    private final CompletableFuture<Optional<HangupCause>> ended = new CompletableFuture<>();
    private volatile boolean active = true;
    private volatile HangupCause endCause;
    private volatile boolean keepMembersUp;

    TwoPartyBridge(ChannelCore core, String id, CoreChannel first, CoreChannel second, RankedLock lock,
            HangupPolicy policy) {
        this.core = core;
        this.id = id;
        this.first = first;
        this.second = second;
        this.lock = lock;
        this.policy = policy;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Channel first() {
        return first;
    }

    @Override
    public Channel second() {
        return second;
    }

    @Override
    public Optional<Channel> peerOf(Channel member) {
        if (member == first) {
            return Optional.of(second);
        }
        if (member == second) {
            return Optional.of(first);
        }
        return Optional.empty();
    }

    CoreChannel peer(CoreChannel member) {
        return member == first ? second : member == second ? first : null;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public Optional<HangupCause> endCause() {
        return Optional.ofNullable(endCause);
    }

    @Override
    public CompletionStage<Optional<HangupCause>> ended() {
        return ended.minimalCompletionStage();
    }

    /**
     * Relays a frame that arrived on {@code from}; false when the bridge no longer carries it
     * (ended meanwhile) and the caller should queue it on the channel instead.
     */
    boolean relay(CoreChannel from, Frame frame, List<BridgeHook> hooks) {
        CoreChannel to = peer(from);
        if (!active || to == null) {
            return false;
        }
        if (frame instanceof VoiceFrame voice) {
            core.writeToDriver(to, voice);
        } else if (frame instanceof DtmfFrame digit) {
            relayDigit(from, to, digit, hooks);
        } else if (frame instanceof ControlFrame control) {
            core.indicate(to, control.control());
        } else if (!(frame instanceof NullFrame)) {
            throw new IllegalArgumentException("unknown frame " + frame);
        }
        return true;
    }

    /** With hooks watching, a digit is held back until it ends and no hook took it. */
    private void relayDigit(CoreChannel from, CoreChannel to, DtmfFrame digit, List<BridgeHook> hooks) {
        if (hooks.isEmpty()) {
            core.writeToDriver(to, digit);
            return;
        }
        if (digit.phase() == DtmfFrame.Phase.BEGIN) {
            return;
        }
        for (BridgeHook hook : hooks) {
            BridgeHook.Decision decision;
            try {
                decision = hook.onDigit(this, from, digit.digit());
            } catch (RuntimeException e) {
                ChannelCore.LOG.warn("Bridge hook {} failed on digit {} from {}", hook, digit.digit(), from.name, e);
                continue;
            }
            if (decision == BridgeHook.Decision.CONSUME) {
                return;
            }
        }
        core.writeToDriver(to, DtmfFrame.begin(digit.digit()));
        core.writeToDriver(to, digit);
    }

    /**
     * A member hung up (or became a zombie): the bridge ends and the other member hangs up with
     * the cause, unless the policy keeps it. Called with no lock held.
     */
    void memberGone(CoreChannel member, HangupCause cause) {
        if (!end(cause)) {
            return;
        }
        try {
            CoreChannel other = peer(member);
            if (other != null && !keepMembersUp && (policy == HangupPolicy.BOTH || member == first)) {
                core.hangup(other, cause);
            }
        } finally {
            // after the peer's hangup: whoever waits on the bridge sees the call as it ended
            ended.complete(Optional.of(cause));
        }
    }

    @Override
    public void release() {
        if (end(null)) {
            ended.complete(Optional.empty());
        }
    }

    @Override
    public void keepMembersUp() {
        keepMembersUp = true;
    }

    private boolean end(HangupCause cause) {
        lock.lockInternal();
        try {
            if (!active) {
                return false;
            }
            LockPair.lockBoth(first.lock, second.lock);
            try {
                active = false;
                endCause = cause;
                if (first.bridge == this) {
                    first.bridge = null;
                }
                if (second.bridge == this) {
                    second.bridge = null;
                }
            } finally {
                LockPair.unlockBoth(first.lock, second.lock);
            }
            core.bridgeEnded();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String toString() {
        return "Bridge " + id + " [" + first.name + " <-> " + second.name + "]";
    }
}
