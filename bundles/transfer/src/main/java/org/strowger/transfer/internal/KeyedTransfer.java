package org.strowger.transfer.internal;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.log.CallLogContext;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.HangupPolicy;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.TransferOutcome;

/**
 * A transfer started by a code ({@code #1} or {@code *2}), on a feature thread: both parties are
 * taken over at once (so the transferee, on hold, hears nothing of what follows), the transferer
 * hears the transfer prompt and dials the extension; then the blind transfer sends the
 * transferee from hold to the extension, the attended one calls the target. A number that cannot
 * be an extension plays {@code invalid} and puts the two back together.
 *
 * <p>The transfer claims both parties before it takes them over and keeps the claim, extended to
 * their new channels, until it is over; so when both parties press a transfer code at once, the
 * one that claims first does its transfer and the other's is refused, wherever its keys land.
 */
final class KeyedTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(KeyedTransfer.class);

    /** Which transfer the code asked for. */
    enum Kind { BLIND, ATTENDED }

    private final TransferComponent transfers;
    private final FeatureHook hook;
    private final Bridge bridge;
    private final Channel transfererBefore;
    private final Kind kind;
    private final Moves moves;
    private final FeatureSettings settings;
    /** Keys dialled while the parties were still bridged, handed over by the digit collector. */
    private final java.util.concurrent.BlockingQueue<Character> earlyKeys =
            new java.util.concurrent.LinkedBlockingQueue<>();
    /** Told when this transfer ends: the collector stops handing over keys. */
    private final Runnable partiesTaken;

    KeyedTransfer(TransferComponent transfers, FeatureHook hook, Bridge bridge, Channel transferer, Kind kind,
            Runnable partiesTaken) {
        this.partiesTaken = partiesTaken;
        this.transfers = transfers;
        this.hook = hook;
        this.bridge = bridge;
        this.transfererBefore = transferer;
        this.kind = kind;
        this.moves = transfers.moves();
        this.settings = transfers.settings();
    }

    /** A key the transferer dialled in the bridge after the code, before the parties were taken out. */
    void earlyKey(char key) {
        earlyKeys.add(key);
    }

    void run() throws InterruptedException {
        transfers.counters().started();
        try {
            attempt();
        } finally {
            partiesTaken.run();
            transfers.counters().finished();
        }
    }

    private void attempt() throws InterruptedException {
        String context = Transfers.transferContext(transfererBefore);
        Optional<Moves.Claim> claim = moves.claim(bridge.first(), bridge.second());
        if (claim.isEmpty()) {
            fail("another transfer of this call is under way");
            return;
        }
        // the claim is extended to the parties' new channels and kept until this transfer is over: a
        // feature the other party's keys start meanwhile (the transferee's late "#1" on its hold bridge)
        // finds them claimed and is refused, instead of taking them from under this transfer
        try (Moves.Claim held = claim.get()) {
            Moves.Pair taken;
            try {
                taken = moves.takeOutBoth(bridge, held);
            } catch (MoveRefusedException e) {
                fail("the call ended before the transfer could start: " + e.getMessage());
                return;
            }
            transfer(taken, context, held);
        }
    }

    /** Both parties taken over and claimed by {@code held}: dial, then transfer or put them back together. */
    private void transfer(Moves.Pair taken, String context, Moves.Claim held) throws InterruptedException {
        // keys now queue on the transferer's new channel; one the old bridge was relaying just then
        // still reaches the collector, which keeps handing them over until this transfer ends
        Channel transferer = taken.replacing(bridge, transfererBefore);
        Channel transferee = transferer == taken.first() ? taken.second() : taken.first();
        Bridge hold;
        try {
            hold = moves.hold(transferee);
        } catch (MoveRefusedException e) {
            moves.hangUp(transferer);
            moves.hangUp(transferee);
            fail("the transferee could not be held: " + e.getMessage());
            return;
        }
        Optional<String> extension = collectExtension(transferer, context);
        if (transferer.isHungUp()) {
            // nobody to finish the number: the call it was in is over
            moves.unhold(hold);
            moves.hangUp(transferee);
            fail("the transferer hung up while dialling");
            return;
        }
        if (extension.isEmpty()) {
            transfers.play(transferer, List.of("invalid"));
            transfers.counters().failed();
            moves.unhold(hold);
            backTogether(transferer, transferee);
            return;
        }
        if (kind == Kind.ATTENDED && !extension.get().equals(settings.parkExtension())) {
            new AttendedTransferRun(transfers, hook, transferer, transferee, hold, extension.get(), context).run();
            return;
        }
        // blind, or parking: the transferee goes straight from hold to the extension (or the lot), under
        // this transfer's claim; the two are not bridged again first, so no feature can start on them
        moves.unhold(hold);
        TransferOutcome outcome = transfers.blindTransferClaimed(transferer, transferee, extension.get(), context,
                held);
        if (!outcome.completed()) {
            CallLogContext.info(LOG, transferer, "Transfer to {}@{} not done: {}", extension.get(), context,
                    outcome.detail());
            backTogether(transferer, transferee);
        }
    }

    /**
     * The transferer hears the transfer prompt and dials; the number is complete when it names an
     * extension no longer number could match, or when the transferer pauses. Empty when what was
     * dialled is no extension (or nothing was dialled).
     */
    private Optional<String> collectExtension(Channel transferer, String context) throws InterruptedException {
        StringBuilder dialled = new StringBuilder();
        for (Character early = earlyKeys.poll(); early != null; early = earlyKeys.poll()) {
            dialled.append(early.charValue());
        }
        if (dialled.length() == 0) {
            transfers.playUntilKey(transferer, List.of("pbx-transfer")).ifPresent(dialled::append);
        }
        while (!transferer.isHungUp()) {
            String number = dialled.toString();
            if (!number.isEmpty()) {
                boolean exists = transfers.exists(context, number, transferer);
                boolean more = transfers.matchMore(context, number, transferer);
                if (!more) {
                    return exists ? Optional.of(number) : Optional.empty();
                }
            }
            Optional<Character> key = nextKey(transferer, settings.transferDigitTimeout());
            if (key.isEmpty()) {
                return !number.isEmpty() && transfers.exists(context, number, transferer) ? Optional.of(number)
                        : Optional.empty();
            }
            dialled.append(key.get());
        }
        return Optional.empty();
    }

    /** The next key the transferer presses within {@code timeout}; empty on a pause or a hangup. */
    private Optional<Character> nextKey(Channel channel, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Character early = earlyKeys.poll();
            if (early != null) {
                return Optional.of(early);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            Frame frame = channel.read(Duration.ofNanos(Math.min(left, 20_000_000L)));
            if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                return Optional.empty();
            }
            if (frame instanceof DtmfFrame digit && digit.phase() == DtmfFrame.Phase.END) {
                return Optional.of(digit.digit());
            }
        }
    }

    /** Bridges the two again (the transferee already off hold); hangs both up when either has gone. */
    private void backTogether(Channel transferer, Channel transferee) {
        if (transferer.isHungUp() || transferee.isHungUp()) {
            moves.hangUp(transferer);
            moves.hangUp(transferee);
            return;
        }
        try {
            moves.channels().bridge(transferer, transferee, HangupPolicy.BOTH);
        } catch (IllegalStateException e) {
            moves.hangUp(transferer);
            moves.hangUp(transferee);
        }
    }

    private void fail(String why) {
        transfers.counters().failed();
        CallLogContext.info(LOG, transfererBefore, "Transfer by keys not done: {}", why);
    }
}
