package org.strowger.sip.internal.session;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javax.sip.Dialog;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javax.sip.header.Header;

import gov.nist.javax.sip.header.extensions.ReplacesHeader;

import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.InboundCall;
import org.strowger.channel.TechnologyName;
import org.strowger.sip.internal.endpoint.Endpoint;
import org.strowger.sip.internal.rtp.RtpSession;
import org.strowger.sip.internal.sdp.LocalMedia;
import org.strowger.sip.internal.sdp.Negotiated;
import org.strowger.sip.internal.sdp.NoCommonCodecException;
import org.strowger.sip.internal.sdp.SdpException;
import org.strowger.sip.internal.sdp.SessionDescription;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.TransferResult;
import org.strowger.transfer.TransferService;

/**
 * A new INVITE from an identified (and, where it has a secret, authenticated) endpoint becomes a
 * channel: SDP answered, RTP opened, the channel handed to the dialplan in the endpoint's context.
 */
public final class InboundCalls {

    private static final Logger LOG = LoggerFactory.getLogger(InboundCalls.class);
    public static final TechnologyName SIP = TechnologyName.of("SIP");

    private final SessionContext context;
    private final Placeholders placeholders;
    private final Supplier<Optional<TransferService>> transfers;

    public InboundCalls(SessionContext context, Placeholders placeholders,
            Supplier<Optional<TransferService>> transfers) {
        this.context = context;
        this.placeholders = placeholders;
        this.transfers = transfers;
    }

    public void offer(Request invite, ServerTransaction transaction, Endpoint endpoint, String source) {
        String callId = ((CallIdHeader) invite.getHeader(CallIdHeader.NAME)).getCallId();
        Optional<SessionDescription> offer;
        try {
            offer = SdpBodies.parse(invite);
        } catch (SdpException e) {
            LOG.warn("INVITE {} from {} ({}) has a broken SDP body: {}", callId, endpoint.name(), source, e.getMessage());
            context.messages().reply(invite, transaction, Response.BAD_REQUEST, endpoint.name());
            return;
        }
        if (offer.isEmpty()) {
            LOG.info("INVITE {} from {} ({}) has no SDP offer; offerless INVITEs are not supported", callId,
                    endpoint.name(), source);
            reply488(invite, transaction, endpoint, "an SDP offer is required");
            return;
        }
        RtpSession rtp;
        SipCall call;
        try {
            call = null;
            rtp = null;
            LateReceiver receiver = new LateReceiver();
            rtp = context.rtp().open(receiver);
            LocalMedia local = MediaNegotiation.local(context.messages().advertisedHost(), rtp);
            Negotiated negotiated;
            try {
                negotiated = MediaNegotiation.answer(offer.get(), endpoint, rtp, local);
            } catch (NoCommonCodecException e) {
                rtp.close();
                LOG.info("INVITE {} from {}: no common codec ({}); answering 488", callId, endpoint.name(), e.getMessage());
                reply488(invite, transaction, endpoint, "no common codec");
                return;
            }
            call = new SipCall(context, endpoint, true, callId, context.channels().newPvtLock(SIP), rtp, source,
                    CallState.OFFERED);
            receiver.set(call);
            call.local = local;
            call.invite = invite;
            call.inviteServer = transaction;
            call.media = negotiated;
            Dialog dialog = context.messages().provider().getNewDialog(transaction);
            dialog.setApplicationData(call);
            call.dialog = dialog;
            transaction.setApplicationData(call);
        } catch (IOException e) {
            LOG.error("INVITE {} from {}: no RTP port: {}", callId, endpoint.name(), e.getMessage());
            context.messages().reply(invite, transaction, Response.SERVICE_UNAVAILABLE, endpoint.name());
            return;
        } catch (SipException e) {
            LOG.error("INVITE {} from {}: cannot make a dialog: {}", callId, endpoint.name(), e.getMessage());
            context.messages().reply(invite, transaction, Response.SERVER_INTERNAL_ERROR, endpoint.name());
            return;
        }
        context.calls().add(call);
        context.messages().reply(invite, transaction, Response.TRYING, endpoint.name());
        SipCall created = call;
        Header replaces = invite.getHeader(ReplacesHeader.NAME);
        if (replaces instanceof ReplacesHeader header) {
            replace(created, header);
            return;
        }
        try {
            context.channels().createInbound(
                    new InboundCall(SIP, endpoint.name(), callerId(invite), dialed(invite), endpoint.context()),
                    link -> {
                        created.attach(link);
                        link.setFormats(List.of(created.negotiatedCodec()));
                        return new SipDriverSide(created, null);
                    });
        } catch (ChannelUnavailableException e) {
            LOG.warn("INVITE {} from {}: no channel: {}", callId, endpoint.name(), e.getMessage());
            created.hangup(e.hangupCause());
        }
    }

    /**
     * INVITE with Replaces (RFC 3891): the new call takes the named dialog's place. The replaced
     * call's channel keeps its bridge (or its Dial) and is driven by the new call from now on; the
     * replaced dialog is hung up inside the masquerade.
     *
     * <p>The move goes through the transfer service when one runs, so that every move is decided
     * and counted in one place. Without it the driver still makes the masquerade itself: this is
     * a swap of two dialogs the driver owns, asked for by the phone, with no dialplan or feature
     * decision in it, and refusing it would break the attended transfers phones make on their own
     * on a platform without the transfer features.
     */
    private void replace(SipCall call, ReplacesHeader replaces) {
        Optional<SipCall> target = context.calls().byCallId(replaces.getCallId())
                .filter(found -> found != call && found.matchesTags(replaces.getToTag(), replaces.getFromTag()));
        Optional<Channel> original = target.flatMap(SipCall::link).map(ChannelLink::owner);
        if (original.isEmpty()) {
            LOG.info("INVITE {} from {} replaces {}, which matches no call: 481", call.callId(), call.endpoint.name(),
                    replaces.getCallId());
            call.reject(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        boolean wasUp = target.get().isUp();
        String token = placeholders.issue(link -> {
            call.attach(link);
            return new SipDriverSide(call, null);
        });
        Channel fresh;
        try {
            fresh = context.channels().request(SIP + "/" + token);
        } catch (ChannelUnavailableException e) {
            placeholders.withdraw(token);
            call.reject(Response.SERVICE_UNAVAILABLE);
            return;
        }
        // RFC 3891: the new call is answered first, then the replaced dialog gets its BYE
        target.get().deferBye();
        Optional<TransferResult> refused = swap(original.get(), fresh, call);
        if (refused.isPresent()) {
            target.get().releaseBye();
            call.reject(refused.get().sipStatus());
            context.channels().hangup(fresh, HangupCause.NORMAL_CLEARING);
            return;
        }
        call.answer();
        if (!wasUp) {
            call.link().ifPresent(link -> link.queueFrame(ControlFrame.of(Control.ANSWER)));
        }
        target.get().releaseBye();
        // the placeholder channel is a zombie now, holding the replaced dialog's old side
        context.channels().hangup(fresh, HangupCause.NORMAL_CLEARING);
        renameAfter(original.get(), call);
        LOG.info("INVITE {} from {} replaced {}: {} continues with the new call", call.callId(), call.endpoint.name(),
                replaces.getCallId(), original.get().name());
    }

    /** The masquerade of {@code fresh} into {@code original}; empty when done, else why not. */
    private Optional<TransferResult> swap(Channel original, Channel fresh, SipCall call) {
        Optional<TransferService> service = transfers.get();
        if (service.isPresent()) {
            TransferOutcome outcome;
            try {
                outcome = service.get().replace(original, fresh);
            } catch (RuntimeException e) {
                LOG.warn("INVITE {} with Replaces: the transfer service failed: {}", call.callId(), e.toString());
                return Optional.of(TransferResult.UNAVAILABLE);
            }
            if (!outcome.completed()) {
                LOG.info("INVITE {} with Replaces not done ({}): {}", call.callId(), outcome.result(), outcome.detail());
                return Optional.of(outcome.result());
            }
            return Optional.empty();
        }
        try {
            context.channels().masquerade(original, fresh);
            return Optional.empty();
        } catch (RuntimeException e) {
            LOG.info("INVITE {} with Replaces refused by the core: {}", call.callId(), e.getMessage());
            return Optional.of(TransferResult.BUSY);
        }
    }

    /** The survivor took the placeholder's name; give it the caller's, as any SIP channel has. */
    private void renameAfter(Channel survivor, SipCall call) {
        String name = survivor.name();
        int dash = name.lastIndexOf('-');
        String wanted = SIP + "/" + call.endpoint.name() + (dash < 0 ? "" : name.substring(dash));
        try {
            context.channels().changeName(survivor, wanted);
        } catch (RuntimeException e) {
            LOG.debug("could not rename {} to {}: {}", name, wanted, e.getMessage());
        }
    }

    private void reply488(Request invite, ServerTransaction transaction, Endpoint endpoint, String why) {
        Response response = context.messages().response(invite, Response.NOT_ACCEPTABLE_HERE);
        response.addHeader(context.messages().header("Warning", "305 strowger \"" + why + "\""));
        context.messages().send(transaction, response, endpoint.name());
    }

    static CallerId callerId(Request request) {
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        Address address = from.getAddress();
        String name = address.getDisplayName() == null ? "" : address.getDisplayName();
        String number = address.getURI() instanceof SipURI uri && uri.getUser() != null ? uri.getUser() : "";
        return new CallerId(number, name);
    }

    static String dialed(Request request) {
        URI uri = request.getRequestURI();
        if (uri instanceof SipURI sip && sip.getUser() != null && !sip.getUser().isEmpty()) {
            return sip.getUser();
        }
        return "s";
    }

}
