package org.strowger.transfer.internal;

import java.time.Duration;
import java.util.concurrent.ExecutionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.log.CallLogContext;
import org.strowger.channel.ChannelService;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.HangupPolicy;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.Frame;
import org.strowger.transfer.FeatureSettings;

/**
 * One DTMF attended transfer, on a feature thread, from the moment the extension is known:
 * both parties were taken over by {@link KeyedTransfer} (masqueraded into channels the features
 * own, so the Dial that made the bridge ended quietly) and the transferee waits on hold. The
 * target is called through {@code Local/<exten>@<context>} while the transferer hears ringing.
 * Then, as in the reference:
 * <ul>
 * <li>the target answers: transferer and target talk (the transferer may abort with the
 * disconnect code); when the transferer hangs up, transferee and target are joined; when the
 * target leaves, the transferer is back with the transferee;</li>
 * <li>the target is busy, does not answer in time, or the transferer aborts: back to the
 * transferee;</li>
 * <li>the transferer hangs up while the target rings: the transfer goes on blind; if the target
 * does not answer, the transferer's device is called back (or the transferee dropped);</li>
 * <li>the transferee hangs up meanwhile: whoever is left is hung up when their part ends.</li>
 * </ul>
 */
final class AttendedTransferRun {

    private static final Logger LOG = LoggerFactory.getLogger(AttendedTransferRun.class);

    private final TransferComponent transfers;
    private final FeatureHook hook;
    private final Channel transferer;
    private final Channel transferee;
    private final Bridge hold;
    private final String extension;
    private final String context;
    private final ChannelService channels;
    private final Moves moves;
    private final FeatureSettings settings;
    private final StringBuilder transfererKeys = new StringBuilder();

    /**
     * @param transferer taken over by the features, not bridged
     * @param transferee taken over by the features, on {@code hold}
     */
    AttendedTransferRun(TransferComponent transfers, FeatureHook hook, Channel transferer, Channel transferee,
            Bridge hold, String extension, String context) {
        this.transfers = transfers;
        this.hook = hook;
        this.transferer = transferer;
        this.transferee = transferee;
        this.hold = hold;
        this.extension = extension;
        this.context = context;
        this.moves = transfers.moves();
        this.channels = moves.channels();
        this.settings = transfers.settings();
    }

    /** Calls the target and sees the transfer through, on the calling feature thread. */
    void run() throws InterruptedException {
        java.util.Optional<String> transfererDevice = Moves.deviceOf(transferer.name());
        CallLogContext.info(LOG, transferer, "Attended transfer of {} to {}@{}", transferee.name(), extension, context);
        Ringer.Result target = new Ringer(channels).ring("Local/" + extension + "@" + context, transferer.callerId(),
                settings.attendedNoAnswerTimeout(), transferer, () -> transfererAborts(transferer));
        if (target.answered() && !transferer.isHungUp()) {
            consult(transferer, target.callee(), transferee, hold);
        } else if (target.answered()) {
            join(transferee, target.callee(), hold, "the transferer left while the target rang");
        } else if (!transferer.isHungUp()) {
            CallLogContext.info(LOG, transferer, "Attended transfer not done: {}", target.detail());
            transfers.counters().failed();
            backTogether(transferer, transferee, hold);
        } else {
            CallLogContext.info(LOG, transferer, "Attended transfer after the transferer left: {}", target.detail());
            callBack(transfererDevice, transferee, hold);
        }
    }

    /** Reads the transferer's frames while the target rings: true when it dialled the disconnect code. */
    private boolean transfererAborts(Channel transferer) {
        Frame frame;
        try {
            while ((frame = transferer.read(Duration.ZERO)) != null) {
                if (frame instanceof ControlFrame control && control.control() == Control.HANGUP) {
                    return false;
                }
                if (frame instanceof DtmfFrame digit && digit.phase() == DtmfFrame.Phase.END) {
                    transfererKeys.append(digit.digit());
                    if (!settings.disconnect().isEmpty()
                            && transfererKeys.toString().endsWith(settings.disconnect())) {
                        return true;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
        return false;
    }

    /** Transferer and target talk; what happens next depends on who leaves first. */
    private void consult(Channel transferer, Channel target, Channel transferee, Bridge hold)
            throws InterruptedException {
        Bridge consultation;
        try {
            consultation = channels.bridge(transferer, target, HangupPolicy.BOTH);
        } catch (IllegalStateException e) {
            moves.hangUp(target);
            backTogether(transferer, transferee, hold);
            return;
        }
        consultation.keepMembersUp();
        hook.consultationStarted(consultation);
        try {
            consultation.ended().toCompletableFuture().get();
        } catch (ExecutionException e) {
            CallLogContext.warn(LOG, transferer, "Consultation ended abnormally", e);
        } finally {
            hook.consultationEnded(consultation);
        }
        if (transferer.isHungUp() && !target.isHungUp()) {
            join(transferee, target, hold, "the transferer hung up");
        } else if (!transferer.isHungUp()) {
            moves.hangUp(target);
            CallLogContext.info(LOG, transferer, "Attended transfer aborted: back to {}", transferee.name());
            transfers.counters().failed();
            backTogether(transferer, transferee, hold);
        } else {
            moves.hangUp(transferee);
            moves.unhold(hold);
            fail("everyone left");
        }
    }

    /** The transfer completes: transferee and target are bridged. */
    private void join(Channel transferee, Channel target, Bridge hold, String why) {
        moves.unhold(hold);
        if (transferee.isHungUp()) {
            moves.hangUp(target);
            fail("the transferee hung up before it could be joined");
            return;
        }
        try {
            channels.bridge(transferee, target, HangupPolicy.BOTH);
        } catch (IllegalStateException e) {
            moves.hangUp(transferee);
            moves.hangUp(target);
            fail("transferee and target could not be bridged: " + e.getMessage());
            return;
        }
        transfers.counters().completed(Statistics.Kind.ATTENDED);
        LOG.info("Attended transfer done ({}): {} talks to {}", why, transferee.name(), target.name());
    }

    /** The transfer did not happen: the transferer is back with the transferee. */
    private void backTogether(Channel transferer, Channel transferee, Bridge hold) {
        moves.unhold(hold);
        if (transferee.isHungUp() || transferer.isHungUp()) {
            moves.hangUp(transferer);
            moves.hangUp(transferee);
            return;
        }
        try {
            channels.bridge(transferer, transferee, HangupPolicy.BOTH);
        } catch (IllegalStateException e) {
            moves.hangUp(transferer);
            moves.hangUp(transferee);
        }
    }

    /** The target of a transfer the transferer left did not answer: ring the transferer back. */
    private void callBack(java.util.Optional<String> device, Channel transferee, Bridge hold)
            throws InterruptedException {
        if (!settings.attendedDropCall() && device.isPresent()) {
            String transfererDevice = device.get();
            for (int attempt = 1; attempt <= settings.attendedCallbackRetries() && !transferee.isHungUp(); attempt++) {
                Ringer.Result back = new Ringer(channels).ring(transfererDevice, transferee.callerId(),
                        settings.attendedNoAnswerTimeout(), null, transferee::isHungUp);
                if (back.answered()) {
                    join(transferee, back.callee(), hold, "the transferer answered the callback");
                    return;
                }
                LOG.info("Callback {} of {} to {}: {}", attempt, transferee.name(), transfererDevice, back.detail());
                if (attempt < settings.attendedCallbackRetries()) {
                    pause(transferee);
                }
            }
        }
        moves.unhold(hold);
        moves.hangUp(transferee);
        fail("neither the target nor the transferer answered");
    }

    /** The loop delay between callbacks, cut short when the transferee hangs up. */
    private void pause(Channel transferee) throws InterruptedException {
        long until = System.nanoTime() + settings.attendedLoopDelay().toNanos();
        while (!transferee.isHungUp() && System.nanoTime() < until) {
            Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }

    private void fail(String why) {
        transfers.counters().failed();
        LOG.info("Attended transfer not done: {}", why);
    }

}
