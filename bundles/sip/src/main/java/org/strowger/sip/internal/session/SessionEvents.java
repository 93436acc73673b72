package org.strowger.sip.internal.session;

import java.util.Optional;

import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.Transaction;
import javax.sip.header.CallIdHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.HangupCause;
import org.strowger.channel.log.CallLogContext;

/**
 * Requests and responses that belong to an existing call, routed to it. Each is handled with the
 * call's channel name in the logging context, so the driver's lines about it carry the name.
 */
public final class SessionEvents {

    private static final Logger LOG = LoggerFactory.getLogger(SessionEvents.class);

    private final SessionContext context;
    private final Transfers transfers;

    public SessionEvents(SessionContext context, Transfers transfers) {
        this.context = context;
        this.transfers = transfers;
    }

    private Optional<SipCall> callOf(RequestEvent event) {
        Dialog dialog = event.getDialog();
        if (dialog != null && dialog.getApplicationData() instanceof SipCall call) {
            return Optional.of(call);
        }
        CallIdHeader callId = (CallIdHeader) event.getRequest().getHeader(CallIdHeader.NAME);
        return context.calls().byCallId(callId.getCallId());
    }

    /** The logging context of the call's channel (none before the core made one). */
    static CallLogContext logContext(SipCall call) {
        return CallLogContext.enter(call.link().orElse(null));
    }

    public void ack(RequestEvent event) {
        callOf(event).ifPresent(call -> {
            try (CallLogContext scope = logContext(call)) {
                call.onAck(event);
            }
        });
    }

    public void cancel(RequestEvent event, ServerTransaction transaction) {
        Optional<SipCall> call = callOf(event);
        if (call.isPresent() && call.get().isInbound()) {
            try (CallLogContext scope = logContext(call.get())) {
                context.messages().trace().received(call.get().endpoint().name(), call.get().remote(),
                        event.getRequest());
                call.get().onCancel(event, transaction);
            }
        } else {
            context.messages().reply(event.getRequest(), transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
        }
    }

    public void inDialog(RequestEvent event, ServerTransaction transaction, Object source) {
        Request request = event.getRequest();
        Optional<SipCall> found = callOf(event);
        if (found.isEmpty()) {
            LOG.debug("In-dialog {} from {} for no known call: 481", request.getMethod(), source);
            context.messages().reply(request, transaction, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            return;
        }
        SipCall call = found.get();
        try (CallLogContext scope = logContext(call)) {
            dispatch(call, event, transaction, source);
        }
    }

    private void dispatch(SipCall call, RequestEvent event, ServerTransaction transaction, Object source) {
        Request request = event.getRequest();
        context.messages().trace().received(call.endpoint().name(), String.valueOf(source), request);
        switch (request.getMethod()) {
            case Request.BYE -> call.onBye(event, transaction);
            case Request.INVITE -> call.onReinvite(event, transaction);
            case Request.REFER -> transfers.refer(call, event, transaction);
            case Request.NOTIFY -> transfers.notify(call, event, transaction);
            case Request.OPTIONS, Request.INFO ->
                    context.messages().reply(request, transaction, Response.OK, call.endpoint().name());
            default -> {
                // UPDATE, PRACK, MESSAGE...: not supported in a dialog; Allow says what is
                Response response = context.messages().response(request, Response.METHOD_NOT_ALLOWED);
                context.messages().addAllow(response);
                context.messages().send(transaction, response, call.endpoint().name());
            }
        }
    }

    public void response(SipCall call, ResponseEvent event) {
        try (CallLogContext scope = logContext(call)) {
            dispatch(call, event);
        }
    }

    private void dispatch(SipCall call, ResponseEvent event) {
        Response response = event.getResponse();
        context.messages().trace().received(call.endpoint().name(), call.remote(), response);
        String method = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getMethod();
        if (Request.INVITE.equals(method)) {
            call.onInviteResponse(event);
        } else if (Request.REFER.equals(method) || Request.NOTIFY.equals(method)) {
            transfers.response(call, event);
        }
    }

    public void retransmitted(SipCall call, ResponseEvent event) {
        String method = ((CSeqHeader) event.getResponse().getHeader(CSeqHeader.NAME)).getMethod();
        if (Request.INVITE.equals(method) && event.getResponse().getStatusCode() / 100 == 2) {
            try (CallLogContext scope = logContext(call)) {
                call.onRetransmitted2xx(event);
            }
        }
    }

    public void timeout(SipCall call, Transaction transaction) {
        try (CallLogContext scope = logContext(call)) {
            timedOut(call, transaction);
        }
    }

    private void timedOut(SipCall call, Transaction transaction) {
        if (transaction.getRequest() != null && Request.INVITE.equals(transaction.getRequest().getMethod())) {
            call.onFailure(HangupCause.NO_USER_RESPONSE, "no answer to INVITE from " + call.remote());
        } else if (transaction.getRequest() != null && Request.BYE.equals(transaction.getRequest().getMethod())) {
            LOG.debug("{}: BYE timed out", call.callId());
        }
    }
}
