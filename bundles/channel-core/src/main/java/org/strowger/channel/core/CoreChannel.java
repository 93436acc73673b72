package org.strowger.channel.core;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.locks.Condition;

import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.HangupCause;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.core.lock.RankedLock;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;

/**
 * A channel. Identity and driver side change only under this channel's lock (and, for a
 * masquerade, under both channels' locks with both claimed); fields are volatile so that the
 * console and the frame path read them without locking.
 */
final class CoreChannel implements Channel {

    private static final VarHandle CLAIM;

    static {
        try {
            CLAIM = MethodHandles.lookup().findVarHandle(CoreChannel.class, "claim", Claim.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final ChannelCore core;
    final RankedLock lock;
    private final Instant createdAt;

    volatile String name;
    volatile String uniqueId;
    volatile CoreLink link;
    volatile ChannelState state;
    private volatile CallerId callerId;
    volatile String dialedNumber;
    private volatile DialplanLocation location;
    private volatile String application = "";
    private volatile String applicationData = "";
    volatile Set<Codec> nativeFormats;
    private volatile Codec readFormat;
    private volatile Codec writeFormat;
    volatile HangupCause hangupCause;
    volatile boolean hungUp;
    volatile boolean zombie;
    volatile TwoPartyBridge bridge;
    @SuppressWarnings("unused") // through CLAIM
    private volatile Claim claim;

    /** Guarded by {@link #lock}; made on first use, most channels never need them. */
    private Map<String, String> variables;
    FrameQueue frames;
    private Condition frameArrived;
    /** Completed (outside the lock) when a frame is queued or the channel hangs up; made on first use. */
    private CompletableFuture<Void> readable;

    CoreChannel(ChannelCore core, RankedLock lock, String name, String uniqueId, CoreLink link, ChannelState state,
            CallerId callerId, String dialedNumber, DialplanLocation location, Set<Codec> nativeFormats) {
        this.core = core;
        this.lock = lock;
        this.createdAt = Instant.now();
        this.name = name;
        this.uniqueId = uniqueId;
        this.link = link;
        this.state = state;
        this.callerId = callerId;
        this.dialedNumber = dialedNumber;
        this.location = location;
        this.nativeFormats = nativeFormats;
        Codec preferred = nativeFormats.iterator().next();
        this.readFormat = preferred;
        this.writeFormat = preferred;
    }

    // --- claims -------------------------------------------------------------------------

    boolean tryClaim(Claim wanted) {
        return CLAIM.compareAndSet(this, (Claim) null, wanted);
    }

    Claim currentClaim() {
        return (Claim) CLAIM.getVolatile(this);
    }

    void release(Claim held) {
        if (CLAIM.compareAndSet(this, held, (Claim) null)) {
            held.release();
        }
    }

    /** Claims this channel, waiting for any operation in progress on it to finish. */
    void claimWaiting(Claim wanted) {
        while (!tryClaim(wanted)) {
            Claim other = currentClaim();
            if (other != null) {
                other.awaitRelease();
            }
        }
    }

    // --- frame queue (caller holds lock) -------------------------------------------------

    void enqueueLocked(Frame frame) {
        if (frames == null) {
            frames = new FrameQueue();
        }
        frames.add(frame);
        signalReadersLocked();
    }

    void signalReadersLocked() {
        if (frameArrived != null) {
            frameArrived.signalAll();
        }
    }

    /**
     * Takes the pending {@link #readable()} stage, for the caller to complete with
     * {@link #wake} once it has released every lock; null when nobody waits.
     */
    CompletableFuture<Void> takeReadableLocked() {
        CompletableFuture<Void> taken = readable;
        readable = null;
        return taken;
    }

    /** Completes a stage taken by {@link #takeReadableLocked()}; call with no lock held. */
    static void wake(CompletableFuture<Void> taken) {
        if (taken != null) {
            taken.complete(null);
        }
    }

    Map<String, String> variablesLocked() {
        return variables == null ? Map.of() : variables;
    }

    void replaceVariablesLocked(Map<String, String> merged) {
        variables = merged.isEmpty() ? null : new HashMap<>(merged);
    }

    // --- Channel ---------------------------------------------------------------------------

    @Override
    public String name() {
        return name;
    }

    @Override
    public String uniqueId() {
        return uniqueId;
    }

    @Override
    public TechnologyName technology() {
        return link.technology;
    }

    @Override
    public ChannelState state() {
        return state;
    }

    @Override
    public CallerId callerId() {
        return callerId;
    }

    @Override
    public void setCallerId(CallerId callerId) {
        this.callerId = Objects.requireNonNull(callerId, "callerId");
    }

    @Override
    public String dialedNumber() {
        return dialedNumber;
    }

    @Override
    public DialplanLocation location() {
        return location;
    }

    @Override
    public void setLocation(DialplanLocation location) {
        this.location = Objects.requireNonNull(location, "location");
    }

    @Override
    public String application() {
        return application;
    }

    @Override
    public String applicationData() {
        return applicationData;
    }

    @Override
    public void setApplication(String application, String data) {
        this.application = application == null ? "" : application;
        this.applicationData = data == null ? "" : data;
    }

    @Override
    public Optional<String> variable(String variableName) {
        lock.lockInternal();
        try {
            return Optional.ofNullable(variablesLocked().get(variableName));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Map<String, String> variables() {
        lock.lockInternal();
        try {
            return Map.copyOf(variablesLocked());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void setVariable(String variableName, String value) {
        Objects.requireNonNull(variableName, "name");
        lock.lockInternal();
        try {
            if (value == null) {
                if (variables != null) {
                    variables.remove(variableName);
                }
            } else {
                if (variables == null) {
                    variables = new HashMap<>(4);
                }
                variables.put(variableName, value);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<HangupCause> hangupCause() {
        return Optional.ofNullable(hangupCause);
    }

    @Override
    public boolean isHungUp() {
        return hungUp;
    }

    @Override
    public boolean isZombie() {
        return zombie;
    }

    @Override
    public Set<Codec> nativeFormats() {
        return Collections.unmodifiableSet(nativeFormats);
    }

    @Override
    public Codec readFormat() {
        return readFormat;
    }

    @Override
    public Codec writeFormat() {
        return writeFormat;
    }

    @Override
    public void setReadFormat(Codec codec) {
        readFormat = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public void setWriteFormat(Codec codec) {
        writeFormat = Objects.requireNonNull(codec, "codec");
    }

    @Override
    public Instant createdAt() {
        return createdAt;
    }

    @Override
    public Optional<Bridge> bridge() {
        return Optional.ofNullable(bridge);
    }

    @Override
    public Frame read(Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lockInternal();
        try {
            while (true) {
                Frame next = frames == null ? null : frames.poll();
                if (next != null) {
                    return next instanceof VoiceFrame voice ? Transcoder.convert(voice, readFormat) : next;
                }
                if (hungUp) {
                    return ControlFrame.of(Control.HANGUP);
                }
                if (remaining <= 0) {
                    return null;
                }
                if (frameArrived == null) {
                    frameArrived = lock.newCondition();
                }
                remaining = frameArrived.awaitNanos(remaining);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public CompletionStage<Void> readable() {
        lock.lockInternal();
        try {
            if (hungUp || (frames != null && frames.size() > 0)) {
                return CompletableFuture.completedStage(null);
            }
            if (readable == null) {
                readable = new CompletableFuture<>();
            }
            return readable.minimalCompletionStage();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int queuedFrames() {
        lock.lockInternal();
        try {
            return frames == null ? 0 : frames.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean write(Frame frame) {
        return core.writeToDriver(this, frame);
    }

    @Override
    public void call(Duration timeout) throws ChannelUnavailableException {
        core.call(this, timeout);
    }

    @Override
    public void answer() {
        core.answer(this);
    }

    @Override
    public void indicate(Control control) {
        core.indicate(this, control);
    }

    @Override
    public String toString() {
        return name;
    }

}
