package org.strowger.channel.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.CallStatistics;
import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelState;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.InboundCall;
import org.strowger.channel.InboundCallHandler;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.BridgeHook;
import org.strowger.channel.bridge.HangupPolicy;
import org.strowger.channel.core.lock.HeldLock;
import org.strowger.channel.core.lock.LockOrderValidator;
import org.strowger.channel.core.lock.LockPair;
import org.strowger.channel.core.lock.RankedLock;
import org.strowger.channel.event.ChannelEvent;
import org.strowger.channel.event.ChannelListener;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.NullFrame;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.channel.lock.LockRank;

/**
 * The channel core's engine, free of OSGi so that unit tests and benchmarks drive it directly:
 * channel creation and lookup, hangup, rename, bridging, the frame path and the lock rule.
 * The masquerade itself lives in {@link Masquerade}.
 */
final class ChannelCore {

    static final Logger LOG = LoggerFactory.getLogger(ChannelCore.class);
    // an EnumSet keeps the preference order (µ-law first) when a driver side is asked for its format
    private static final Set<Codec> DEFAULT_FORMATS = java.util.Collections.unmodifiableSet(EnumSet.of(Codec.ULAW, Codec.ALAW));

    final LockOrderValidator validator;
    final ChannelIndex index = new ChannelIndex();
    final EventDispatcher events = new EventDispatcher();
    private final ChannelNaming naming = new ChannelNaming(Instant.now().getEpochSecond());
    private final TechnologyRegistry technologies;
    private final List<BridgeHook> bridgeHooks = new CopyOnWriteArrayList<>();
    private final AtomicLong bridgeSequence = new AtomicLong();
    private final Instant startedAt = Instant.now();
    private final java.util.concurrent.atomic.AtomicInteger activeBridges = new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicLong bridgesMade = new AtomicLong();
    final Masquerade masquerade = new Masquerade(this);
    private final List<InboundCallHandler> inboundHandlers = new CopyOnWriteArrayList<>();

    ChannelCore(LockOrderValidator validator, TechnologyRegistry technologies) {
        this.validator = validator;
        this.technologies = technologies;
    }

    // --- making channels -------------------------------------------------------------------

    Channel request(String dialString) throws ChannelUnavailableException {
        int slash = dialString == null ? -1 : dialString.indexOf('/');
        if (slash <= 0 || slash == dialString.length() - 1) {
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT,
                    "dial string '" + dialString + "' is not TECHNOLOGY/resource");
        }
        String technologyName = dialString.substring(0, slash);
        String resource = dialString.substring(slash + 1);
        TechnologyName name;
        try {
            name = TechnologyName.of(technologyName);
        } catch (IllegalArgumentException e) {
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, e.getMessage());
        }
        TechnologyRegistry.Registration registration = technologies.serving(name).orElseThrow(() ->
                new ChannelUnavailableException(HangupCause.CHAN_NOT_IMPLEMENTED,
                        "no channel technology " + technologyName + " is registered"));
        ChannelTechnology technology = registration.technology();
        if (technology == null) {
            throw new ChannelUnavailableException(HangupCause.NORMAL_TEMPORARY_FAILURE,
                    "channel technology " + technologyName + " could not be started");
        }
        return create(registration.name(), registration, resource, ChannelState.DOWN, CallerId.UNKNOWN,
                resource, DialplanLocation.NONE, link -> {
                    try {
                        return technology.request(resource, link);
                    } catch (ChannelUnavailableException e) {
                        throw new DriverRefused(e);
                    }
                });
    }

    Channel createInbound(InboundCall call, Function<ChannelLink, DriverSide> driverSide)
            throws ChannelUnavailableException {
        Objects.requireNonNull(driverSide, "driverSide");
        TechnologyRegistry.Registration registration = technologies.serving(call.technology()).orElseThrow(() ->
                new ChannelUnavailableException(HangupCause.CHAN_NOT_IMPLEMENTED,
                        "no channel technology " + call.technology() + " is registered"));
        Channel channel = create(registration.name(), registration, call.resource(), ChannelState.RING,
                call.callerId(), call.dialedNumber(), new DialplanLocation(call.context(),
                        call.dialedNumber().isEmpty() ? "s" : call.dialedNumber(), 1), driverSide::apply);
        handOver(channel);
        return channel;
    }

    /** Gives a new inbound channel to the PBX; with none registered, the call cannot be routed. */
    private void handOver(Channel channel) {
        if (inboundHandlers.isEmpty()) {
            LOG.warn("No dialplan is running to take inbound call {}: hanging it up", channel.name());
            hangup(channel, HangupCause.NO_ROUTE_DESTINATION);
            return;
        }
        InboundCallHandler handler = inboundHandlers.get(0);
        try {
            handler.inboundCall(channel);
        } catch (RuntimeException e) {
            LOG.error("Inbound call handler {} failed on {}: hanging it up", handler, channel.name(), e);
            hangup(channel, HangupCause.NORMAL_TEMPORARY_FAILURE);
        }
    }

    void addInboundHandler(InboundCallHandler handler) {
        inboundHandlers.add(handler);
    }

    void removeInboundHandler(InboundCallHandler handler) {
        inboundHandlers.remove(handler);
    }

    List<InboundCallHandler> inboundHandlersForTest() {
        return List.copyOf(inboundHandlers);
    }

    /** Signals a driver's refusal through the factory lambda. */
    private static final class DriverRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        DriverRefused(ChannelUnavailableException cause) {
            super(cause);
        }
    }

    private Channel create(TechnologyName technology, Object registration, String resource, ChannelState state,
            CallerId callerId, String dialed, DialplanLocation location,
            Function<ChannelLink, DriverSide> makeSide) throws ChannelUnavailableException {
        CoreLink link = new CoreLink(this, technology, registration,
                validator.newLock("PVT:" + technology, LockRank.PVT));
        String name = naming.nextName(technology, resource);
        CoreChannel channel = new CoreChannel(this, validator.newLock("CHANNEL", LockRank.CHANNEL), name,
                naming.nextUniqueId(), link, state, callerId, dialed, location, DEFAULT_FORMATS);
        link.owner = channel;
        DriverSide side;
        try {
            side = makeSide.apply(link);
        } catch (DriverRefused refused) {
            throw (ChannelUnavailableException) refused.getCause();
        } catch (RuntimeException e) {
            LOG.error("Channel technology {} failed to make a channel for '{}'", technology, resource, e);
            throw new ChannelUnavailableException(HangupCause.NORMAL_TEMPORARY_FAILURE,
                    "channel technology " + technology + " failed: " + e);
        }
        if (side == null) {
            throw new ChannelUnavailableException(HangupCause.NORMAL_TEMPORARY_FAILURE,
                    "channel technology " + technology + " gave no driver side for '" + resource + "'");
        }
        link.side = side;
        while (!index.add(channel)) {
            // someone renamed a channel to the next generated name: take another
            channel.name = naming.nextName(technology, resource);
        }
        events.publish(() -> new ChannelEvent.Created(Instant.now(), channel, channel.name, channel.uniqueId));
        return channel;
    }

    // --- lookup ----------------------------------------------------------------------------------

    Optional<Channel> findByName(String name) {
        return Optional.ofNullable(index.byName(name));
    }

    Optional<Channel> findByUniqueId(String uniqueId) {
        return Optional.ofNullable(index.byUniqueId(uniqueId));
    }

    List<Channel> channels() {
        return List.copyOf(index.snapshot());
    }

    int channelCount() {
        return index.size();
    }

    // --- the lock rule ---------------------------------------------------------------------------

    /** Refuses a structural operation while the caller holds a channel or pvt lock. */
    void refuseIfLocksHeld(String operation) {
        Optional<HeldLock> held = validator.heldChannelOrPvtLock();
        if (held.isPresent()) {
            validator.countRefusal();
            HeldLock lock = held.get();
            String message = operation + " refused: the calling thread holds the "
                    + LockOrderValidator.describe(lock, guardedBy(lock.lock()))
                    + ". Copy what you need under the lock, release every channel and pvt lock, then call "
                    + operation + " (see the masquerade contract)";
            LOG.error(message);
            throw new IllegalStateException(message);
        }
    }

    private String guardedBy(RankedLock lock) {
        for (CoreChannel channel : index.snapshot()) {
            if (channel.lock == lock) {
                return "channel " + channel.name;
            }
            if (channel.link.pvtLock() == lock) {
                return "the driver side of channel " + channel.name;
            }
        }
        return "a channel or driver side";
    }

    static CoreChannel own(Channel channel) {
        if (channel instanceof CoreChannel core) {
            return core;
        }
        throw new IllegalArgumentException("not a channel of this core: " + channel);
    }

    // --- hangup --------------------------------------------------------------------------------------

    void hangup(Channel target, HangupCause cause) {
        hangup(own(target), cause, null);
    }

    /**
     * Hangs a channel up; with {@code onlyWithSide}, only while that driver side is still the
     * channel's (decided under the channel's lock, where a masquerade swaps sides).
     */
    private void hangup(CoreChannel channel, HangupCause cause, CoreLink onlyWithSide) {
        Objects.requireNonNull(cause, "cause");
        refuseIfLocksHeld("hangup");
        if (channel.hungUp) {
            return;
        }
        Claim claim = new Claim(Claim.Kind.HANGUP);
        channel.claimWaiting(claim);
        String name;
        String uniqueId;
        CoreLink link;
        TwoPartyBridge bridge;
        CompletableFuture<Void> readable;
        try {
            channel.lock.lockInternal();
            try {
                if (channel.hungUp || (onlyWithSide != null && channel.link != onlyWithSide)) {
                    return;
                }
                name = channel.name;
                uniqueId = channel.uniqueId;
                link = channel.link;
                bridge = channel.bridge;
                // out of the container before it reads as hung up: a lookup never finds a dead channel
                index.remove(channel, name, uniqueId);
                channel.hungUp = true;
                channel.hangupCause = cause;
                channel.signalReadersLocked();
                readable = channel.takeReadableLocked();
            } finally {
                channel.lock.unlock();
            }
            link.hangUpSide(cause);
        } finally {
            channel.release(claim);
        }
        CoreChannel.wake(readable);
        events.publish(() -> new ChannelEvent.HungUp(Instant.now(), channel, name, uniqueId, cause));
        if (bridge != null) {
            bridge.memberGone(channel, cause);
        }
    }

    /** A technology left: its channels are hung up, and their peers see a clean hangup. */
    int hangupChannelsOf(Object registration, HangupCause cause) {
        int count = 0;
        for (CoreChannel channel : index.snapshot()) {
            if (channel.link.registration == registration) {
                hangup(channel, cause);
                count++;
            }
        }
        return count;
    }

    // --- masquerade and rename -------------------------------------------------------------------------

    void masquerade(Channel original, Channel clone) {
        masquerade.run(original, clone);
    }

    void changeName(Channel target, String newName) {
        refuseIfLocksHeld("changeName");
        CoreChannel channel = own(target);
        if (newName == null || newName.isBlank() || newName.indexOf('/') <= 0) {
            throw new IllegalArgumentException("channel name '" + newName + "' is not TECHNOLOGY/resource");
        }
        Claim claim = new Claim(Claim.Kind.RENAME);
        channel.claimWaiting(claim);
        String oldName;
        try {
            channel.lock.lockInternal();
            try {
                if (channel.hungUp) {
                    throw new IllegalStateException("cannot rename " + channel.name + ": it is hung up");
                }
                oldName = channel.name;
                if (oldName.equals(newName)) {
                    return;
                }
                if (!index.claimName(newName, channel)) {
                    throw new IllegalStateException("cannot rename " + oldName + " to " + newName
                            + ": another channel has that name");
                }
                channel.name = newName;
                index.unbindName(oldName, channel);
            } finally {
                channel.lock.unlock();
            }
        } finally {
            channel.release(claim);
        }
        events.publish(() -> new ChannelEvent.Renamed(Instant.now(), channel, oldName, newName));
    }

    // --- bridging ---------------------------------------------------------------------------------------

    Bridge bridge(Channel a, Channel b) {
        return bridge(a, b, HangupPolicy.BOTH);
    }

    Bridge bridge(Channel a, Channel b, HangupPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        CoreChannel first = own(a);
        CoreChannel second = own(b);
        if (first == second) {
            throw new IllegalStateException("cannot bridge " + first.name + " with itself");
        }
        TwoPartyBridge bridge = new TwoPartyBridge(this, "bridge-" + bridgeSequence.incrementAndGet(), first, second,
                validator.newLock("BRIDGE", LockRank.BRIDGE), policy);
        LockPair.lockBoth(first.lock, second.lock);
        try {
            for (CoreChannel member : List.of(first, second)) {
                if (member.hungUp) {
                    throw new IllegalStateException("cannot bridge " + member.name + ": it is hung up");
                }
                if (member.bridge != null) {
                    throw new IllegalStateException("cannot bridge " + member.name + ": it is already in "
                            + member.bridge.id());
                }
            }
            first.bridge = bridge;
            second.bridge = bridge;
            activeBridges.incrementAndGet();
            bridgesMade.incrementAndGet();
        } finally {
            LockPair.unlockBoth(first.lock, second.lock);
        }
        return bridge;
    }

    /** A bridge made by {@link #bridge} has ended; called exactly once per bridge. */
    void bridgeEnded() {
        activeBridges.decrementAndGet();
    }

    CallStatistics callStatistics() {
        return new CallStatistics(startedAt, activeBridges.get(), bridgesMade.get());
    }

    void addBridgeHook(BridgeHook hook) {
        bridgeHooks.add(hook);
    }

    void removeBridgeHook(BridgeHook hook) {
        bridgeHooks.remove(hook);
    }

    void addListener(ChannelListener listener) {
        events.addListener(listener);
    }

    void removeListener(ChannelListener listener) {
        events.removeListener(listener);
    }

    // --- the frame path ----------------------------------------------------------------------------------

    /** A driver reported a frame: relayed if its channel is bridged, queued for readers otherwise. */
    void queueFrame(CoreLink link, Frame frame) {
        Objects.requireNonNull(frame, "frame");
        if (frame instanceof ControlFrame control) {
            switch (control.control()) {
                case HANGUP -> {
                    link.farEndHangup(HangupCause.NORMAL_CLEARING);
                    return;
                }
                case ANSWER -> setState(link, ChannelState.UP);
                case RINGING -> setState(link, ChannelState.RINGING);
                case BUSY -> setState(link, ChannelState.BUSY);
                default -> {
                }
            }
        }
        while (true) {
            CoreChannel owner = link.owner;
            if (owner.hungUp) {
                return;
            }
            TwoPartyBridge bridge = owner.bridge;
            if (bridge != null && isRelayed(frame) && bridge.relay(owner, frame, bridgeHooks)) {
                return;
            }
            CompletableFuture<Void> readable;
            owner.lock.lockInternal();
            try {
                if (link.owner != owner) {
                    continue; // a masquerade moved the side meanwhile: report to its new owner
                }
                if (owner.bridge != null && owner.bridge != bridge && isRelayed(frame)) {
                    continue; // bridged meanwhile: relay instead
                }
                owner.enqueueLocked(frame);
                readable = owner.takeReadableLocked();
            } finally {
                owner.lock.unlock();
            }
            CoreChannel.wake(readable);
            return;
        }
    }

    /** Answer and hangup stay with the channel; everything else crosses a bridge. */
    private static boolean isRelayed(Frame frame) {
        return !(frame instanceof ControlFrame control && control.control() == Control.ANSWER);
    }

    /**
     * The far end of a driver side hung up: the channel that owns the side now is hung up. A
     * masquerade may move the side meanwhile (its old owner becomes a zombie), so the hangup goes
     * ahead only if the side is still the channel's, decided under the channel's lock where the
     * masquerade swaps sides; otherwise it follows the side to its new owner.
     */
    void farEndHangup(CoreLink link, HangupCause cause) {
        refuseIfLocksHeld("farEndHangup");
        while (!link.isSideHungUp()) {
            CoreChannel owner = link.owner;
            if (owner == null) {
                return;
            }
            if (owner.hungUp) {
                if (owner.link == link) {
                    return; // a hangup under way ends the side
                }
                Thread.onSpinWait(); // a masquerade is between swapping the sides and their owners
                continue;
            }
            hangup(owner, cause, link);
        }
    }

    void setState(CoreLink link, ChannelState state) {
        while (true) {
            CoreChannel owner = link.owner;
            ChannelState before;
            owner.lock.lockInternal();
            try {
                if (link.owner != owner) {
                    continue;
                }
                if (owner.hungUp) {
                    return;
                }
                before = owner.state;
                owner.state = state;
            } finally {
                owner.lock.unlock();
            }
            if (before != state) {
                String name = owner.name;
                events.publish(() -> new ChannelEvent.StateChanged(Instant.now(), owner, name, before, state));
            }
            return;
        }
    }

    /** A driver declares its formats (preferred first); the channel reads and writes the preferred one. */
    void setFormats(CoreLink link, List<Codec> formats) {
        if (formats.isEmpty()) {
            throw new IllegalArgumentException("a driver side needs at least one format");
        }
        Set<Codec> ordered = java.util.Collections.unmodifiableSet(new java.util.LinkedHashSet<>(formats));
        while (true) {
            CoreChannel owner = link.owner;
            owner.lock.lockInternal();
            try {
                if (link.owner != owner) {
                    continue; // moved by a masquerade meanwhile: the new owner takes the formats
                }
                owner.nativeFormats = ordered;
                owner.setReadFormat(formats.get(0));
                owner.setWriteFormat(formats.get(0));
                return;
            } finally {
                owner.lock.unlock();
            }
        }
    }

    /** Sends a frame to a channel's driver, in a format the driver takes. */
    boolean writeToDriver(CoreChannel channel, Frame frame) {
        if (channel.hungUp) {
            return false;
        }
        CoreLink link = channel.link;
        DriverSide side = link.side;
        if (frame instanceof VoiceFrame voice) {
            Set<Codec> formats = channel.nativeFormats;
            VoiceFrame deliverable = formats.contains(voice.codec()) ? voice
                    : Transcoder.convert(voice, formats.iterator().next());
            return callDriver(link, () -> side.write(deliverable), "write");
        }
        if (frame instanceof DtmfFrame digit) {
            return callDriver(link, () -> {
                if (digit.phase() == DtmfFrame.Phase.BEGIN) {
                    side.digitBegin(digit.digit());
                } else {
                    side.digitEnd(digit.digit(), digit.duration());
                }
            }, "digit");
        }
        if (frame instanceof ControlFrame control) {
            return callDriver(link, () -> side.indicate(control.control()), "indicate");
        }
        return frame instanceof NullFrame;
    }

    void indicate(CoreChannel channel, Control control) {
        if (!channel.hungUp) {
            CoreLink link = channel.link;
            callDriver(link, () -> link.side.indicate(control), "indicate");
        }
    }

    void call(CoreChannel channel, Duration timeout) throws ChannelUnavailableException {
        if (channel.hungUp) {
            throw new ChannelUnavailableException(HangupCause.NORMAL_CLEARING,
                    "cannot call on " + channel.name + ": it is hung up");
        }
        CoreLink link = channel.link;
        try {
            link.side.call(timeout);
        } catch (RuntimeException e) {
            LOG.error("Channel technology {} failed to call on {}", link.technology, channel.name, e);
            throw new ChannelUnavailableException(HangupCause.NORMAL_TEMPORARY_FAILURE,
                    "driver failed to call: " + e);
        }
    }

    void answer(CoreChannel channel) {
        if (channel.hungUp || channel.state == ChannelState.UP) {
            return;
        }
        CoreLink link = channel.link;
        if (callDriver(link, link.side::answer, "answer")) {
            setState(link, ChannelState.UP);
        }
    }

    /** Runs a driver callback; a driver's exception is logged and never breaks the core. */
    boolean callDriver(CoreLink link, Runnable callback, String what) {
        try {
            callback.run();
            return true;
        } catch (RuntimeException e) {
            CoreChannel owner = link.owner;
            LOG.error("Channel technology {} failed in {} on {}", link.technology, what,
                    owner == null ? "(no channel)" : owner.name, e);
            return false;
        }
    }

    void stop() {
        events.stop();
    }

    /** Problems with the container's invariants right now; for tests at quiescent points. */
    List<String> invariantViolations() {
        List<String> problems = new ArrayList<>();
        index.namesView().forEach((name, channel) -> {
            if (!name.equals(channel.name)) {
                problems.add("name key " + name + " points at a channel named " + channel.name);
            }
            if (channel.hungUp || channel.zombie) {
                problems.add("hung-up or zombie channel " + name + " is still in the container");
            }
            if (channel.link.owner != channel) {
                problems.add("driver side of " + name + " has owner " + channel.link.owner);
            }
            if (channel.link.isSideHungUp()) {
                problems.add("live channel " + name + " has a hung-up driver side");
            }
        });
        index.uniqueIdsView().forEach((uniqueId, channel) -> {
            if (!uniqueId.equals(channel.uniqueId)) {
                problems.add("unique id key " + uniqueId + " points at channel with id " + channel.uniqueId);
            }
        });
        if (index.namesView().size() != index.uniqueIdsView().size()) {
            problems.add("names " + index.namesView().size() + " but unique ids " + index.uniqueIdsView().size());
        }
        return problems;
    }
}
