package org.strowger.sip.internal.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ReferToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.ChannelLink;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.TransferResult;
import org.strowger.transfer.TransferService;

/**
 * REFER (RFC 3515): the driver names the channels and the transfer service moves them. Blind
 * transfer asks the service to send the transferee to the Refer-To extension; attended transfer
 * (Refer-To with Replaces, RFC 3891) asks it to join the transferee to the call the transferer
 * made to the target. The service is called with no pvt lock held; progress goes back to the
 * transferer as NOTIFY message/sipfrag, and its BYEs wait until the final NOTIFY is out.
 */
public final class Transfers {

    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);

    private final SessionContext context;
    private final TransferRequests requests;

    public Transfers(SessionContext context, Supplier<Optional<TransferService>> service) {
        this.context = context;
        this.requests = new TransferRequests(service);
    }

    void refer(SipCall transferer, RequestEvent event, ServerTransaction transaction) {
        Request refer = event.getRequest();
        ReferToHeader referTo = (ReferToHeader) refer.getHeader(ReferToHeader.NAME);
        if (referTo == null || !(referTo.getAddress().getURI() instanceof SipURI target)) {
            context.messages().reply(refer, transaction, Response.BAD_REQUEST, transferer.endpoint().name());
            return;
        }
        if (!transferer.isUp()) {
            context.messages().reply(refer, transaction, Response.REQUEST_PENDING, transferer.endpoint().name());
            return;
        }
        context.messages().reply(refer, transaction, Response.ACCEPTED, transferer.endpoint().name());
        long referCseq = ((CSeqHeader) refer.getHeader(CSeqHeader.NAME)).getSeqNumber();
        Progress progress = new Progress(transferer, referCseq);
        progress.send("SIP/2.0 100 Trying", false);
        TransferResult result;
        // the transferer's BYEs (both of its calls in an attended transfer) follow the final NOTIFY
        List<SipCall> deferred = new ArrayList<>(List.of(transferer));
        transferer.deferBye();
        try {
            String replaces = target.getHeader("Replaces");
            result = replaces == null ? blind(transferer, target) : attended(transferer,
                    URLDecoder.decode(replaces, StandardCharsets.UTF_8), deferred);
        } catch (RuntimeException e) {
            LOG.warn("Transfer by {} failed: {}", transferer.endpoint().name(), e.toString());
            result = TransferResult.UNAVAILABLE;
        }
        progress.send(TransferRequests.sipfrag(result), true);
        for (int i = deferred.size() - 1; i >= 0; i--) {
            deferred.get(i).releaseBye();
        }
    }

    /** The transferee goes to Refer-To's user, as if it dialled it. */
    private TransferResult blind(SipCall transferer, SipURI target) {
        String exten = target.getUser() == null || target.getUser().isEmpty() ? "s" : target.getUser();
        TransferOutcome outcome = requests.blind(transferer.link().map(ChannelLink::owner), exten,
                transferer.endpoint().context());
        LOG.info("Blind transfer by {} to {}: {} ({})", transferer.endpoint().name(), exten, outcome.result(),
                outcome.detail());
        return outcome.result();
    }

    /** Replaces names the transferer's call to the target; the transferee takes that call's place. */
    private TransferResult attended(SipCall transferer, String replaces, List<SipCall> deferred) {
        String[] parts = replaces.split(";");
        String callId = parts[0].trim();
        Optional<SipCall> replaced = context.calls().byCallId(callId);
        if (replaced.isEmpty() || replaced.get() == transferer || !tagsMatch(replaced.get(), parts)) {
            LOG.info("Attended transfer by {}: no call matches Replaces '{}'", transferer.endpoint().name(), replaces);
            return TransferResult.NO_SUCH_CALL;
        }
        replaced.get().deferBye();
        deferred.add(replaced.get());
        TransferOutcome outcome = requests.attended(transferer.link().map(ChannelLink::owner),
                replaced.get().link().map(ChannelLink::owner));
        LOG.info("Attended transfer by {}: {} ({})", transferer.endpoint().name(), outcome.result(), outcome.detail());
        return outcome.result();
    }

    private static boolean tagsMatch(SipCall call, String[] parts) {
        String toTag = null;
        String fromTag = null;
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            int equals = part.indexOf('=');
            if (equals > 0 && part.substring(0, equals).trim().equalsIgnoreCase("to-tag")) {
                toTag = part.substring(equals + 1).trim();
            } else if (equals > 0 && part.substring(0, equals).trim().equalsIgnoreCase("from-tag")) {
                fromTag = part.substring(equals + 1).trim();
            }
        }
        return call.matchesTags(toTag, fromTag);
    }

    void notify(SipCall call, RequestEvent event, ServerTransaction transaction) {
        context.messages().reply(event.getRequest(), transaction, Response.OK, call.endpoint().name());
    }


    void response(SipCall call, ResponseEvent event) {
        LOG.trace("{}: {} to our {}", call.callId(), event.getResponse().getStatusCode(),
                ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getMethod());
    }

    /** NOTIFYs of the implicit subscription a REFER creates. */
    private final class Progress {
        private final SipCall call;
        private final long referCseq;

        Progress(SipCall call, long referCseq) {
            this.call = call;
            this.referCseq = referCseq;
        }

        void send(String statusLine, boolean last) {
            Optional<Dialog> dialog = call.dialog();
            if (dialog.isEmpty()) {
                return;
            }
            try {
                Request notify = dialog.get().createRequest(Request.NOTIFY);
                notify.setHeader(context.messages().header("Event", "refer;id=" + referCseq));
                notify.setHeader(context.messages().header("Subscription-State",
                        last ? "terminated;reason=noresource" : "active;expires=60"));
                notify.setContent(statusLine + "\r\n", context.messages().factories().headers()
                        .createContentTypeHeader("message", "sipfrag;version=2.0"));
                ClientTransaction transaction = context.messages().provider().getNewClientTransaction(notify);
                transaction.setApplicationData(call);
                dialog.get().sendRequest(transaction);
                context.messages().trace().sent(call.endpoint().name(), call.remote(), notify);
            } catch (ParseException | javax.sip.SipException e) {
                LOG.debug("{}: NOTIFY '{}' failed: {}", call.callId(), statusLine, e.toString());
            }
        }
    }

}
