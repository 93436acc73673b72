package org.strowger.sip.internal.session;

import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.sip.internal.cause.SipStatus;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.TransferResult;
import org.strowger.transfer.TransferService;

/**
 * What a REFER asks of the transfer service, and the message/sipfrag status line that reports
 * the answer to the transferer. The driver decides nothing about who goes where: it names the
 * channels and the extension, and the transfer service moves them. Call with no pvt lock held.
 */
final class TransferRequests {

    private static final Logger LOG = LoggerFactory.getLogger(TransferRequests.class);

    private final Supplier<Optional<TransferService>> service;

    TransferRequests(Supplier<Optional<TransferService>> service) {
        this.service = service;
    }

    /**
     * Blind transfer (REFER without Replaces): the party bridged to {@code transferer} goes to
     * {@code extension}. The context is the transferer's {@code TRANSFER_CONTEXT} when set (the
     * service looks it up when given none), else the transferer endpoint's context.
     */
    TransferOutcome blind(Optional<Channel> transferer, String extension, String endpointContext) {
        if (transferer.isEmpty()) {
            return TransferOutcome.failed(TransferResult.NO_SUCH_CALL, "the REFER's dialog has no channel");
        }
        Optional<TransferService> transfers = service.get();
        if (transfers.isEmpty()) {
            return unavailable();
        }
        boolean ownContext = transferer.get().variable("TRANSFER_CONTEXT").filter(c -> !c.isBlank()).isPresent();
        return call(() -> transfers.get().blindTransfer(transferer.get(), extension,
                ownContext ? null : endpointContext));
    }

    /**
     * Attended transfer (REFER with Replaces): {@code toTransferee} is the transferer's channel
     * of the REFER's dialog, {@code toTarget} the channel of the dialog Replaces names.
     */
    TransferOutcome attended(Optional<Channel> toTransferee, Optional<Channel> toTarget) {
        if (toTransferee.isEmpty() || toTarget.isEmpty()) {
            return TransferOutcome.failed(TransferResult.NO_SUCH_CALL, "a dialog of the transfer has no channel");
        }
        Optional<TransferService> transfers = service.get();
        if (transfers.isEmpty()) {
            return unavailable();
        }
        return call(() -> transfers.get().attendedTransfer(toTransferee.get(), toTarget.get()));
    }


    private static TransferOutcome call(Supplier<TransferOutcome> request) {
        try {
            TransferOutcome outcome = request.get();
            return outcome == null ? TransferOutcome.failed(TransferResult.UNAVAILABLE, "no answer") : outcome;
        } catch (RuntimeException e) {
            LOG.warn("The transfer service failed: {}", e.toString());
            return TransferOutcome.failed(TransferResult.UNAVAILABLE, "the transfer service failed: " + e);
        }
    }

    private static TransferOutcome unavailable() {
        return TransferOutcome.failed(TransferResult.UNAVAILABLE, "no transfer service is running");
    }

    /** The status line of the final NOTIFY's message/sipfrag body, for example {@code SIP/2.0 486 Busy Here}. */
    static String sipfrag(TransferResult result) {
        return "SIP/2.0 " + SipStatus.of(result.sipStatus());
    }
}
