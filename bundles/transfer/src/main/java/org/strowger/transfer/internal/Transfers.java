package org.strowger.transfer.internal;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelState;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.InboundCallHandler;
import org.strowger.channel.TechnologyName;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.TransferResult;
import org.strowger.transfer.internal.parking.ParkingLot;

/**
 * Who is masqueraded into whom, for each kind of move. Every masquerade here runs in the
 * caller's thread with no lock held, and a refusal by the core (a party hung up, or already
 * in another move) becomes BUSY with nothing half done.
 */
final class Transfers {

    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);

    private final Moves moves;
    private final ChannelService channels;
    private final Dialplan dialplan;
    private final ParkingLot parking;
    private final Statistics statistics;
    private final Supplier<FeatureSettings> settings;

    Transfers(Moves moves, Dialplan dialplan, ParkingLot parking, Statistics statistics,
            Supplier<FeatureSettings> settings) {
        this.moves = moves;
        this.channels = moves.channels();
        this.dialplan = dialplan;
        this.parking = parking;
        this.statistics = statistics;
        this.settings = settings;
    }

    /** The context a transferer's transfers go to: TRANSFER_CONTEXT, else its own. */
    static String transferContext(Channel transferer) {
        return transferer.variable("TRANSFER_CONTEXT").filter(context -> !context.isBlank())
                .orElse(transferer.location().context());
    }

    TransferOutcome blind(Channel transferer, String extension, String context) {
        String where = context == null || context.isBlank() ? transferContext(transferer) : context;
        Optional<Channel> transferee = transferer.bridgedPeer();
        if (transferee.isEmpty() || transferer.isHungUp()) {
            return fail(TransferResult.NO_SUCH_CALL, transferer.name() + " is not in a call to transfer");
        }
        if (parking.isParkExtension(extension)) {
            // the parking extension: park the transferee, announcing the slot to the transferer
            return parking.park(transferee.get(), transferer);
        }
        Optional<Moves.Claim> claim = moves.claim(transferer, transferee.get());
        if (claim.isEmpty()) {
            return fail(TransferResult.BUSY, "another transfer of " + transferer.name() + "'s call is under way");
        }
        try (Moves.Claim held = claim.get()) {
            return blind(transferer, transferee.get(), extension, where);
        }
    }

    private TransferOutcome blind(Channel transferer, Channel transferee, String extension, String where) {
        if (transferer.bridgedPeer().orElse(null) != transferee) {
            return fail(TransferResult.NO_SUCH_CALL, transferer.name() + " is no longer in that call");
        }
        return sendToExtension(transferer, transferee, extension, where);
    }

    /**
     * A blind transfer by a move that took both parties over and still holds its claim on them
     * (a transfer by keys): the transferee goes to the extension (or is parked, at the parking
     * extension) straight from where the move holds it, with no moment in which the two are
     * bridged again and another feature could start on them. Neither party is bridged.
     */
    TransferOutcome blindClaimed(Channel transferer, Channel transferee, String extension, String context,
            Moves.Claim claim) {
        if (!claim.holds(transferer) || !claim.holds(transferee)) {
            throw new IllegalArgumentException("the claim does not hold " + transferer.name() + " and "
                    + transferee.name());
        }
        String where = context == null || context.isBlank() ? transferContext(transferer) : context;
        if (transferee.isHungUp()) {
            return fail(TransferResult.NO_SUCH_CALL, transferee.name() + " hung up before it could be transferred");
        }
        if (parking.isParkExtension(extension)) {
            return parking.park(transferee, transferer, claim);
        }
        return sendToExtension(transferer, transferee, extension, where);
    }

    /** Under a claim on both: the transferee is moved into the dialplan at the extension, the transferer hung up. */
    private TransferOutcome sendToExtension(Channel transferer, Channel transferee, String extension, String where) {
        Optional<InboundCallHandler> runner = dialplan.runner();
        if (runner.isEmpty() || dialplan.admin().isEmpty()) {
            return fail(TransferResult.UNAVAILABLE, "no dialplan runs to take " + transferee.name());
        }
        if (!dialplan.exists(where, extension, transferee)) {
            return fail(TransferResult.NO_SUCH_EXTENSION, "no extension " + extension + " in context " + where);
        }
        String transfereeName = transferee.name();
        Channel moved;
        try {
            moved = moves.takeOut(transferee, "blind");
        } catch (MoveRefusedException e) {
            return fail(TransferResult.BUSY, "blind transfer of " + transfereeName + " refused: " + e.getMessage());
        }
        moved.setLocation(new DialplanLocation(where, extension, 1));
        moved.setVariable("BLINDTRANSFER", transferer.name());
        // the transferer's part is over; its bridge (if any) ended with the zombie, and a policy may have kept it up
        moves.hangUp(transferer);
        runner.get().inboundCall(moved);
        LOG.info("Blind transfer by {}: {} goes to {}@{}", transferer.name(), moved.name(), extension, where);
        return done(Statistics.Kind.BLIND, moved.name() + " transferred to " + extension + "@" + where);
    }

    TransferOutcome attended(Channel toTransferee, Channel toTarget) {
        if (toTransferee == toTarget) {
            return fail(TransferResult.NO_SUCH_CALL, "an attended transfer needs two different calls");
        }
        if (toTransferee.isHungUp() || toTarget.isHungUp()) {
            return fail(TransferResult.NO_SUCH_CALL, "one of the transferer's calls is gone");
        }
        Optional<Channel> transferee = toTransferee.bridgedPeer();
        Optional<Channel> target = toTarget.bridgedPeer();
        Channel original;
        Channel clone;
        Channel left;
        if (transferee.isPresent()) {
            // four channels, or three with the target's side in the dialplan: the transferee takes toTarget's place
            original = toTarget;
            clone = transferee.get();
            left = toTransferee;
        } else if (target.isPresent()) {
            // three channels, the transferee's side in the dialplan (an IVR): the target takes its place there
            original = toTransferee;
            clone = target.get();
            left = toTarget;
        } else {
            return fail(TransferResult.NO_SUCH_CALL, "neither " + toTransferee.name() + " nor " + toTarget.name()
                    + " is bridged");
        }
        String cloneName = clone.name();
        String originalName = original.name();
        Optional<Moves.Claim> claim = moves.claim(toTransferee, toTarget, clone);
        if (claim.isEmpty()) {
            return fail(TransferResult.BUSY, "another transfer involving " + cloneName + " is under way");
        }
        try (Moves.Claim held = claim.get()) {
            // looked at again under the claim: another move may have changed the calls meanwhile
            if (left.bridgedPeer().orElse(null) != clone || original.isHungUp()) {
                return fail(TransferResult.NO_SUCH_CALL, "the calls changed while the transfer was asked for");
            }
            channels.masquerade(original, clone);
        } catch (IllegalStateException e) {
            return fail(TransferResult.BUSY, "attended transfer refused: " + e.getMessage());
        }
        moves.hangUp(left);
        LOG.info("Attended transfer: {} took the place of {} and talks to {}", cloneName, originalName,
                original.bridgedPeer().map(Channel::name).orElse("the dialplan"));
        return done(Statistics.Kind.ATTENDED, cloneName + " took the place of " + originalName);
    }

    TransferOutcome replace(Channel replaced, Channel replacement) {
        if (replaced.isHungUp()) {
            return fail(TransferResult.NO_SUCH_CALL, replaced.name() + " is gone");
        }
        String replacedName = replaced.name();
        String replacementName = replacement.name();
        try {
            channels.masquerade(replaced, replacement);
        } catch (IllegalStateException e) {
            return fail(TransferResult.BUSY, "replacing " + replacedName + " refused: " + e.getMessage());
        }
        LOG.info("{} replaced {}", replacementName, replacedName);
        return done(Statistics.Kind.ATTENDED, replacementName + " replaced " + replacedName);
    }

    /**
     * Directed pickup: the ringing channel object (which the caller's Dial watches) takes over the
     * picker's answered driver side; the ringing phone's side is hung up; Dial then sees its
     * destination answered and bridges it.
     */
    TransferOutcome pickup(Channel picker, String extension, String context) {
        String where = context == null || context.isBlank() ? picker.location().context() : context;
        Optional<Channel> ringing = channels.channels().stream()
                .filter(channel -> channel != picker && !channel.isHungUp() && channel.bridge().isEmpty())
                .filter(channel -> channel.state() == ChannelState.RINGING)
                .filter(channel -> extension.equals(channel.location().extension())
                        && where.equals(channel.location().context()))
                .filter(channel -> !channel.technology().equals(TechnologyName.of(TransferTechnology.NAME)))
                .findFirst();
        if (ringing.isEmpty()) {
            return fail(TransferResult.NO_SUCH_CALL, "nothing rings at " + extension + "@" + where);
        }
        String ringingName = ringing.get().name();
        Optional<Moves.Claim> claim = moves.claim(ringing.get(), picker);
        if (claim.isEmpty()) {
            return fail(TransferResult.BUSY, "another move holds " + ringingName + " or " + picker.name());
        }
        try (Moves.Claim held = claim.get()) {
            // looked at before the claim: another pickup may have taken the call meanwhile
            if (ringing.get().isHungUp() || ringing.get().state() != ChannelState.RINGING) {
                return fail(TransferResult.BUSY, ringingName + " no longer rings: picked up or answered");
            }
            if (picker.state() != ChannelState.UP) {
                picker.answer();
            }
            channels.masquerade(ringing.get(), picker);
        } catch (IllegalStateException e) {
            return fail(TransferResult.BUSY, "pickup of " + ringingName + " refused: " + e.getMessage());
        }
        LOG.info("{} picked up the call ringing {} at {}@{}", ringing.get().name(), ringingName, extension, where);
        return done(Statistics.Kind.PICKUP, ringing.get().name() + " picked up " + ringingName);
    }

    private TransferOutcome done(Statistics.Kind kind, String detail) {
        statistics.completed(kind);
        return TransferOutcome.completed(detail);
    }

    private TransferOutcome fail(TransferResult result, String detail) {
        statistics.failed();
        LOG.info("Transfer not done ({}): {}", result, detail);
        return TransferOutcome.failed(result, detail);
    }
}
