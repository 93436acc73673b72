package org.strowger.sip.internal.session;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
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
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.InboundCallHandler;

/**
 * REFER (RFC 3515): blind transfer sends the transferee into the dialplan at the Refer-To
 * extension; attended transfer (Refer-To with Replaces, RFC 3891) joins the transferee to the
 * call the transferer made to the target. Both are one masquerade in the channel core, made
 * with no pvt lock held; progress goes back to the transferer as NOTIFY message/sipfrag, and
 * its BYE waits until the final NOTIFY is out.
 */
public final class Transfers {

    private static final Logger LOG = LoggerFactory.getLogger(Transfers.class);

    private final SessionContext context;
    private final Placeholders placeholders;
    private final Supplier<Optional<InboundCallHandler>> dialplan;

    public Transfers(SessionContext context, Placeholders placeholders, Supplier<Optional<InboundCallHandler>> dialplan) {
        this.context = context;
        this.placeholders = placeholders;
        this.dialplan = dialplan;
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
        String outcome;
        // the transferer's BYEs (both of its calls in an attended transfer) follow the final NOTIFY
        java.util.List<SipCall> deferred = new java.util.ArrayList<>(java.util.List.of(transferer));
        transferer.deferBye();
        try {
            String replaces = target.getHeader("Replaces");
            outcome = replaces == null ? blind(transferer, target) : attended(transferer,
                    URLDecoder.decode(replaces, StandardCharsets.UTF_8), deferred);
        } catch (RuntimeException e) {
            LOG.warn("Transfer by {} failed: {}", transferer.endpoint().name(), e.toString());
            outcome = "SIP/2.0 503 Service Unavailable";
        }
        progress.send(outcome, true);
        for (int i = deferred.size() - 1; i >= 0; i--) {
            deferred.get(i).releaseBye();
        }
    }

    /** The transferee goes to Refer-To's user in the transferer's context, as if it dialled it. */
    private String blind(SipCall transferer, SipURI target) {
        Optional<Channel> transfererChannel = transferer.link().map(ChannelLink::owner);
        Optional<Channel> transferee = transfererChannel.flatMap(Channel::bridgedPeer);
        if (transferee.isEmpty()) {
            return "SIP/2.0 481 Call Leg/Transaction Does Not Exist";
        }
        Optional<InboundCallHandler> pbx = dialplan.get();
        if (pbx.isEmpty()) {
            return "SIP/2.0 503 Service Unavailable";
        }
        String exten = target.getUser() == null ? "s" : target.getUser();
        String token = placeholders.issue();
        Channel placeholder;
        try {
            placeholder = context.channels().request(InboundCalls.SIP + "/" + token);
        } catch (ChannelUnavailableException e) {
            placeholders.withdraw(token);
            return "SIP/2.0 503 Service Unavailable";
        }
        placeholder.setLocation(new DialplanLocation(transferer.endpoint().context(), exten, 1));
        placeholder.setCallerId(transferee.get().callerId());
        try {
            context.channels().masquerade(placeholder, transferee.get());
        } catch (RuntimeException e) {
            context.channels().hangup(placeholder, org.strowger.channel.HangupCause.NORMAL_CLEARING);
            LOG.info("Blind transfer of {} refused by the core: {}", transferee.get().name(), e.getMessage());
            return "SIP/2.0 503 Service Unavailable";
        }
        LOG.info("Blind transfer by {}: {} goes to {}@{}", transferer.endpoint().name(), placeholder.name(), exten,
                transferer.endpoint().context());
        pbx.get().inboundCall(placeholder);
        return "SIP/2.0 200 OK";
    }

    /** Replaces names the transferer's call to the target; the transferee takes that call's place. */
    private String attended(SipCall transferer, String replaces, java.util.List<SipCall> deferred) {
        String[] parts = replaces.split(";");
        String callId = parts[0].trim();
        Optional<SipCall> replaced = context.calls().byCallId(callId);
        if (replaced.isEmpty() || replaced.get() == transferer || !tagsMatch(replaced.get(), parts)) {
            LOG.info("Attended transfer by {}: no call matches Replaces '{}'", transferer.endpoint().name(), replaces);
            return "SIP/2.0 481 Call Leg/Transaction Does Not Exist";
        }
        Optional<Channel> original = replaced.get().link().map(ChannelLink::owner);
        Optional<Channel> transferee = transferer.link().map(ChannelLink::owner).flatMap(Channel::bridgedPeer);
        if (original.isEmpty() || transferee.isEmpty()) {
            return "SIP/2.0 481 Call Leg/Transaction Does Not Exist";
        }
        replaced.get().deferBye();
        deferred.add(replaced.get());
        try {
            context.channels().masquerade(original.get(), transferee.get());
        } catch (RuntimeException e) {
            LOG.info("Attended transfer by {} refused by the core: {}", transferer.endpoint().name(), e.getMessage());
            return "SIP/2.0 503 Service Unavailable";
        }
        LOG.info("Attended transfer by {}: {} now talks to {}", transferer.endpoint().name(), original.get().name(),
                original.get().bridgedPeer().map(Channel::name).orElse("nobody"));
        return "SIP/2.0 200 OK";
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
