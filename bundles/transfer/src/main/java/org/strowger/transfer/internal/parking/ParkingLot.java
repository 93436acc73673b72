package org.strowger.transfer.internal.parking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.HangupPolicy;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.ParkedCall;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.TransferResult;
import org.strowger.transfer.internal.Dialplan;
import org.strowger.transfer.internal.MoveRefusedException;
import org.strowger.transfer.internal.Moves;
import org.strowger.transfer.internal.Ringer;
import org.strowger.transfer.internal.Statistics;
import org.strowger.transfer.internal.TransferTechnology;

/**
 * The parking lot: numbered slots ({@code 701-720}), each holding at most one call.
 *
 * <p><b>Parking.</b> A slot is reserved first (so a full lot refuses before anything moves).
 * Then the parked party is taken over: masqueraded into a fresh {@code Transfer/} channel that
 * only the lot owns, so whatever drove it before (a Dial waiting on its bridge, the
 * {@code Park()} application) is left holding a zombie and ends quietly. The parked channel is
 * put on hold: bridged to a placeholder that drops its frames, so nothing piles up unread and
 * its hangup is seen at once ({@link Bridge#ended()}); a parked party that hangs up frees its
 * slot. The slot is announced to the parker, taken over too so nobody else drives it, on a
 * feature thread; then the parker is hung up.
 *
 * <p><b>Leaving the lot.</b> A parked call leaves by exactly one of: its party hangs up (or is
 * moved by a masquerade), {@link #retrieve} ({@code ParkedCall}), its parking time runs out, or
 * {@link #close}. Each of them first removes the call from the slot map under the lot's lock,
 * comparing identity; only the one that removed it goes on, so two of them never act on the
 * same call. The lock guards the map only: no core call (masquerade, bridge, hangup) is ever
 * made while it is held.
 *
 * <p><b>Parking time.</b> When it runs out, the call leaves its slot and either rings the
 * parker's device again ({@code comebackToOrigin}: the parker's channel name without its unique
 * suffix, {@code SIP/alice-0000001a} rings {@code SIP/alice}), staying on hold while it rings
 * and bridged to the parker when it answers; or it is hung up (no comeback, no known parker, or
 * no answer).
 */
public final class ParkingLot implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParkingLot.class);
    /** {@code TECH/resource-xxxxxxxx}: the dial string is the part before the unique suffix. */

    private final Moves moves;
    private final Dialplan dialplan;
    private final Supplier<FeatureSettings> settings;
    private final Statistics statistics;
    private final Executor executor;
    private final ScheduledExecutorService timers;
    private final Ringer ringer;

    /** The slots in use, reserved or parked; guarded by itself. No core call is made while holding it. */
    private final Map<Integer, Spot> slots = new TreeMap<>();
    /** Calls out of their slot, ringing the parker again; guarded by {@link #slots}, hung up by {@link #close}. */
    private final Set<Spot> comingBack = new HashSet<>();
    private boolean closed;

    public ParkingLot(Moves moves, Dialplan dialplan, Supplier<FeatureSettings> settings, Statistics statistics,
            Executor executor, ScheduledExecutorService timers) {
        this.moves = moves;
        this.dialplan = dialplan;
        this.settings = settings;
        this.statistics = statistics;
        this.executor = executor;
        this.timers = timers;
        this.ringer = new Ringer(moves.channels());
    }

    /** One slot's call; its fields are set under the lot's lock, read under it or after the spot was won. */
    private static final class Spot {
        final int slot;
        final String parkerName;
        Channel parked;
        Bridge holdBridge;
        ScheduledFuture<?> timer;
        String channelName = "";
        String callerId = "";
        Instant parkedAt;
        Instant timesOutAt;

        Spot(int slot, String parkerName) {
            this.slot = slot;
            this.parkerName = parkerName;
        }

        boolean isParked() {
            return parked != null;
        }
    }

    /**
     * {@link org.strowger.transfer.TransferService#park}: see its contract.
     *
     * <p>When the parkee is bridged to the parker (the {@code #72} case), both are taken out of
     * their bridge with it kept from hanging either up. When it is not (it runs in the dialplan,
     * or it is bridged to a third party), the parkee alone is taken out: a bridge it leaves ends
     * as its policy says (the other member is hung up, as Asterisk hangs up the peer of a call it
     * parks; with Dial's {@code g} the caller left behind goes on in the dialplan); the parker,
     * if given, is taken out on its own to hear the slot.
     */
    public TransferOutcome park(Channel parkee, Channel parker) {
        return park(parkee, parker, parker == null ? "" : parker.name(), false, null);
    }

    /**
     * {@link #park(Channel, Channel)} by a move that already holds {@code claim} on both (a
     * transfer by keys to the parking extension): the lot parks under that claim instead of
     * claiming the two itself, and the claim stays the move's.
     */
    public TransferOutcome park(Channel parkee, Channel parker, Moves.Claim claim) {
        if (!claim.holds(parkee) || (parker != null && !claim.holds(parker))) {
            throw new IllegalArgumentException("the claim does not hold " + parkee.name()
                    + (parker == null ? "" : " and " + parker.name()));
        }
        return park(parkee, parker, parker == null ? "" : parker.name(), false, claim);
    }

    /**
     * The {@code Park()} application: the parkee parks itself, hears its slot first (so it is
     * told before anyone else can retrieve it), then is taken over by the lot. The application's
     * channel object is a zombie afterwards.
     *
     * @param comebackTo the channel name whose device the call rings when its time runs out
     *        (the blind transferer); empty when none
     */
    public TransferOutcome parkSelf(Channel parkee, String comebackTo) {
        return park(parkee, null, comebackTo == null ? "" : comebackTo, true, null);
    }

    /** @param held a claim the caller holds on parkee and parker, or null to claim them here */
    private TransferOutcome park(Channel parkee, Channel parker, String parkerName, boolean announceToParkee,
            Moves.Claim held) {
        if (parkee.isHungUp()) {
            return fail(TransferResult.NO_SUCH_CALL, parkee.name() + " is gone: nothing to park");
        }
        if (parker == parkee) {
            parker = null;
        }
        FeatureSettings lot = settings.get();
        Spot spot = reserve(lot, parkerName);
        if (spot == null) {
            return fail(closed() ? TransferResult.UNAVAILABLE : TransferResult.BUSY, closed()
                    ? "the parking lot is closed" : "parking lot full (slots " + lot.firstSlot() + "-"
                    + lot.lastSlot() + " all taken): " + parkee.name() + " not parked");
        }
        String slot = Integer.toString(spot.slot);
        String parkeeName = parkee.name();
        parkee.setVariable("PARKINGSLOT", slot);
        if (announceToParkee) {
            announce(parkee, slot);
            if (parkee.isHungUp()) {
                free(spot);
                return fail(TransferResult.NO_SUCH_CALL, parkeeName + " hung up while it heard its slot " + slot);
            }
        }
        Channel parked;
        Channel parkerOut = null;
        Optional<Moves.Claim> claim = held != null ? Optional.empty() : moves.claim(parkee, parker);
        if (held == null && claim.isEmpty()) {
            free(spot);
            return fail(TransferResult.BUSY, "another transfer of " + parkeeName + " is under way");
        }
        // a claim made here is released once the parties are taken over; the caller's stays the caller's
        try (Moves.Claim own = claim.orElse(null)) {
            Optional<Bridge> bridge = parkee.bridge();
            if (parker != null && bridge.isPresent() && bridge.get().peerOf(parkee).orElse(null) == parker) {
                Moves.Pair pair = moves.takeOutBoth(bridge.get());
                parked = pair.replacing(bridge.get(), parkee);
                parkerOut = pair.replacing(bridge.get(), parker);
            } else {
                parked = moves.takeOut(parkee, "park");
                if (parker != null && !parker.isHungUp()) {
                    try {
                        parkerOut = moves.takeOut(parker, "parker");
                    } catch (MoveRefusedException e) {
                        LOG.info("The parker {} is not told slot {}: {}", parker.name(), slot, e.getMessage());
                    }
                }
            }
        } catch (MoveRefusedException e) {
            free(spot);
            return fail(parkee.isHungUp() && !parkee.isZombie() ? TransferResult.NO_SUCH_CALL : TransferResult.BUSY,
                    "parking " + parkeeName + " refused: " + e.getMessage());
        }
        Bridge holdBridge;
        try {
            holdBridge = moves.hold(parked);
        } catch (MoveRefusedException e) {
            free(spot);
            moves.hangUp(parked);
            moves.hangUp(parkerOut);
            return fail(TransferResult.NO_SUCH_CALL, parkeeName + " hung up while it was parked: " + e.getMessage());
        }
        Instant now = Instant.now();
        Duration parkingTime = lot.parkingTime();
        boolean open;
        synchronized (slots) {
            open = !closed && slots.get(spot.slot) == spot;
            if (open) {
                spot.parked = parked;
                spot.holdBridge = holdBridge;
                spot.channelName = parked.name();
                spot.callerId = parked.callerId().number();
                spot.parkedAt = now;
                spot.timesOutAt = now.plus(parkingTime);
                spot.timer = timers.schedule(() -> timedOut(spot), parkingTime.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        if (!open) {
            // the lot closed while the call was moved in
            moves.hangUp(parked);
            moves.hangUp(parkerOut);
            return fail(TransferResult.UNAVAILABLE, "the parking lot closed while " + parkeeName + " was parked");
        }
        // seen at once if the parked party hung up already: the slot is then freed at once
        holdBridge.ended().thenRun(() -> holdEnded(spot));
        statistics.completed(Statistics.Kind.PARKED);
        LOG.info("Parked {} in slot {}{} for {} s", spot.channelName, slot,
                parkerName.isEmpty() ? "" : " (parker " + parkerName + ")", parkingTime.toSeconds());
        if (parkerOut != null) {
            announceAndHangUp(parkerOut, slot);
        }
        return TransferOutcome.completed("parked " + spot.channelName + " in slot " + slot);
    }

    /** The lowest free slot, marked taken; null when the lot is full or closed. */
    private Spot reserve(FeatureSettings lot, String parkerName) {
        synchronized (slots) {
            if (closed) {
                return null;
            }
            for (int slot = lot.firstSlot(); slot <= lot.lastSlot(); slot++) {
                if (!slots.containsKey(slot)) {
                    Spot spot = new Spot(slot, parkerName);
                    slots.put(slot, spot);
                    return spot;
                }
            }
            return null;
        }
    }

    private void free(Spot spot) {
        take(spot);
    }

    /** Removes the spot from the map if it is still there: true for exactly one caller. */
    private boolean take(Spot spot) {
        synchronized (slots) {
            return slots.remove(spot.slot, spot);
        }
    }

    private boolean closed() {
        synchronized (slots) {
            return closed;
        }
    }

    /** The hold bridge ended: if nobody took the call out first, its party hung up (or was moved away). */
    private void holdEnded(Spot spot) {
        if (!take(spot)) {
            return; // retrieved, timed out or closed: the winner deals with it
        }
        spot.timer.cancel(false);
        // the bridge hung up the placeholder already (policy BOTH); make sure neither lingers
        moves.hangUp(spot.holdBridge.second());
        moves.hangUp(spot.parked);
        LOG.info("The call parked in slot {} ({}) hung up; the slot is free", spot.slot, spot.channelName);
    }

    /** The parked call in {@code slot}, taken out of the lot: up, unbridged, owned by the caller. */
    public Optional<Channel> retrieve(int slot) {
        Spot spot;
        synchronized (slots) {
            spot = slots.get(slot);
            if (spot == null || !spot.isParked()) {
                return Optional.empty();
            }
            slots.remove(slot);
        }
        spot.timer.cancel(false);
        moves.unhold(spot.holdBridge);
        if (spot.parked.isHungUp()) {
            // it hung up as it was taken off hold: nothing to retrieve
            LOG.info("The call parked in slot {} ({}) hung up as it was retrieved", slot, spot.channelName);
            return Optional.empty();
        }
        statistics.completed(Statistics.Kind.RETRIEVED);
        LOG.info("Retrieved {} from slot {}", spot.channelName, slot);
        return Optional.of(spot.parked);
    }

    /** The parking time ran out (timer thread): ring the parker again, or hang up. */
    private void timedOut(Spot spot) {
        if (!take(spot)) {
            return;
        }
        statistics.completed(Statistics.Kind.PARK_TIMEOUT);
        FeatureSettings now = settings.get();
        Optional<String> dialString = comebackDialString(spot.parkerName);
        if (!now.comebackToOrigin() || dialString.isEmpty()) {
            LOG.info("Parking time of {} in slot {} ran out: hanging it up{}", spot.channelName, spot.slot,
                    now.comebackToOrigin() ? " (no parker to ring)" : "");
            hangUpParked(spot);
            return;
        }
        LOG.info("Parking time of {} in slot {} ran out: ringing {}", spot.channelName, spot.slot, dialString.get());
        synchronized (slots) {
            comingBack.add(spot);
        }
        try {
            executor.execute(() -> {
                try {
                    comeBack(spot, dialString.get(), now.attendedNoAnswerTimeout());
                } finally {
                    synchronized (slots) {
                        comingBack.remove(spot);
                    }
                }
            });
        } catch (RejectedExecutionException e) {
            synchronized (slots) {
                comingBack.remove(spot);
            }
            hangUpParked(spot);
        }
    }

    /**
     * Rings the parker's device (feature thread) while the call stays on hold; bridges them when
     * it answers, else hangs the parked call up.
     */
    private void comeBack(Spot spot, String dialString, Duration timeout) {
        Channel parked = spot.parked;
        Ringer.Result result;
        try {
            result = ringer.ring(dialString, parked.callerId(), timeout, null, parked::isHungUp);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            hangUpParked(spot);
            return;
        }
        if (!result.answered()) {
            LOG.info("{} parked in slot {} hung up: {}", spot.channelName, spot.slot, result.detail());
            hangUpParked(spot);
            return;
        }
        Channel parker = result.callee();
        moves.unhold(spot.holdBridge);
        try {
            moves.channels().bridge(parker, parked, HangupPolicy.BOTH);
            LOG.info("{} came back from slot {} to {}", spot.channelName, spot.slot, parker.name());
        } catch (IllegalStateException e) {
            LOG.info("{} could not come back to {}: {}", spot.channelName, parker.name(), e.getMessage());
            moves.hangUp(parker);
            moves.hangUp(parked);
        }
    }

    private void hangUpParked(Spot spot) {
        // the hold bridge (policy BOTH) hangs its placeholder up with it
        moves.hangUp(spot.parked);
        moves.hangUp(spot.holdBridge.second());
    }

    /**
     * The dial string that rings a parker's device again: its channel name without the unique
     * suffix; empty for no parker, a zombie or a feature placeholder.
     */
    static Optional<String> comebackDialString(String parkerName) {
        return Moves.deviceOf(parkerName);
    }

    /** Plays the slot to a channel this thread owns; an interruption ends the announcement. */
    private void announce(Channel channel, String slot) {
        try {
            if (!channel.isHungUp()) {
                java.util.List<String> prompts = new java.util.ArrayList<>();
                prompts.add("call-parked-at");
                prompts.addAll(dialplan.digits(slot));
                dialplan.play(channel, prompts);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Could not announce slot {} to {}", slot, channel.name(), e);
        }
    }

    /** On a feature thread: the parker (taken over, so nobody else drives it) hears the slot, then is hung up. */
    private void announceAndHangUp(Channel parker, String slot) {
        try {
            executor.execute(() -> {
                try {
                    announce(parker, slot);
                } finally {
                    moves.hangUp(parker);
                }
            });
        } catch (RejectedExecutionException e) {
            moves.hangUp(parker);
        }
    }

    public boolean isParkExtension(String extension) {
        return extension != null && extension.equals(settings.get().parkExtension());
    }

    /** The calls in the lot, by slot (reserved slots whose call is still being moved in are left out). */
    public List<ParkedCall> parkedCalls() {
        List<ParkedCall> calls = new ArrayList<>();
        synchronized (slots) {
            for (Spot spot : slots.values()) {
                if (spot.isParked()) {
                    calls.add(new ParkedCall(spot.slot, spot.channelName, spot.callerId, spot.parkerName,
                            spot.parkedAt, spot.timesOutAt));
                }
            }
        }
        return calls;
    }

    /**
     * Hangs up every parked call (and those ringing their parker again, whose ringing then stops)
     * and stops the timers; parking is refused from now on.
     */
    @Override
    public void close() {
        List<Spot> parked = new ArrayList<>();
        synchronized (slots) {
            closed = true;
            for (Spot spot : slots.values()) {
                if (spot.isParked()) {
                    parked.add(spot);
                }
            }
            slots.clear();
            parked.addAll(comingBack);
        }
        for (Spot spot : parked) {
            spot.timer.cancel(false);
            hangUpParked(spot);
        }
        if (!parked.isEmpty()) {
            LOG.info("Parking lot closed: {} parked call(s) hung up", parked.size());
        }
    }

    private TransferOutcome fail(TransferResult result, String detail) {
        statistics.failed();
        LOG.info("Park not done ({}): {}", result, detail);
        return TransferOutcome.failed(result, detail);
    }

    /** For the console and logs. */
    @Override
    public String toString() {
        synchronized (slots) {
            return "ParkingLot" + slots.keySet();
        }
    }
}
