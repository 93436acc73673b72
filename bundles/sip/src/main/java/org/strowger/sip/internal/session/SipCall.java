package org.strowger.sip.internal.session;

import java.time.Duration;
import java.util.Optional;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.channel.lock.ChannelLock;
import org.strowger.sip.internal.cause.SipStatus;
import org.strowger.sip.internal.cause.SipStatusMapping;
import org.strowger.sip.internal.endpoint.Endpoint;
import org.strowger.sip.internal.rtp.RtpReceiver;
import org.strowger.sip.internal.rtp.RtpSession;
import org.strowger.sip.internal.sdp.Negotiated;
import org.strowger.sip.internal.sdp.SessionDescription;
import org.strowger.sip.internal.stack.AckRace;

/**
 * One INVITE session and its media: the driver's private state for one channel (its "pvt").
 * The pvt lock guards the state; it is never held while this class calls the channel core
 * (link reports happen after unlocking) nor while JAIN-SIP sends, so SIP threads, RTP threads
 * and the core's callers cannot deadlock through it.
 */
public final class SipCall implements RtpReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(SipCall.class);

    final SessionContext context;
    final Endpoint endpoint;
    final boolean inbound;
    private final String callId;
    final ChannelLock lock;
    final RtpSession rtp;
    private final String remote;
    private volatile ChannelLink link;

    // written under lock; volatile because the media path reads it without the lock
    private volatile CallState state;
    // the rest guarded by lock
    Dialog dialog;
    ServerTransaction inviteServer;
    Request invite;
    ClientTransaction inviteClient;
    SessionDescription offerSent;
    org.strowger.sip.internal.sdp.LocalMedia local;
    OutboundCalls.Target pendingTarget;
    Negotiated media;
    private boolean provisionalReceived;
    private boolean cancelWhenProvisional;
    private boolean remoteHold;
    private boolean earlyMedia;
    /** Completes once our 200 to the INVITE has been handed to JAIN-SIP (see {@link #onAck}). */
    private final java.util.concurrent.CompletableFuture<Void> okSent = new java.util.concurrent.CompletableFuture<>();
    private boolean byeDeferred;
    private HangupCause deferredBye;

    SipCall(SessionContext context, Endpoint endpoint, boolean inbound, String callId, ChannelLock lock,
            RtpSession rtp, String remote, CallState state) {
        this.context = context;
        this.endpoint = endpoint;
        this.inbound = inbound;
        this.callId = callId;
        this.lock = lock;
        this.rtp = rtp;
        this.remote = remote;
        this.state = state;
    }

    public String callId() {
        return callId;
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public boolean isInbound() {
        return inbound;
    }

    public String remote() {
        return remote;
    }

    void attach(ChannelLink link) {
        this.link = link;
    }

    public Optional<ChannelLink> link() {
        return Optional.ofNullable(link);
    }

    public String stateName() {
        try (ChannelLock.Held held = lock.acquire()) {
            return switch (state) {
                case OFFERED, CALLING -> "early";
                case UP -> "confirmed";
                case ENDED -> "terminated";
            };
        }
    }

    public boolean isOnHold() {
        try (ChannelLock.Held held = lock.acquire()) {
            return remoteHold;
        }
    }

    /** The codec SDP settled on (the first offered one before an answer came). */
    org.strowger.channel.frame.Codec negotiatedCodec() {
        try (ChannelLock.Held held = lock.acquire()) {
            return media != null ? media.codec() : endpoint.codecs().get(0);
        }
    }

    /** Tells the core the negotiated codec, once known; never under the pvt lock. */
    private void reportFormats() {
        ChannelLink current = link;
        if (current != null) {
            current.setFormats(java.util.List.of(negotiatedCodec()));
        }
    }

    public String describeMedia() {
        return rtp.describe();
    }

    public Optional<Dialog> dialog() {
        try (ChannelLock.Held held = lock.acquire()) {
            return Optional.ofNullable(dialog);
        }
    }

    /**
     * Whether Replaces tags (RFC 3891) name this dialog: each tag given must be one of the
     * dialog's two tags (the peer and we see to/from the other way round).
     */
    boolean matchesTags(String toTag, String fromTag) {
        Optional<Dialog> current = dialog();
        if (current.isEmpty()) {
            return false;
        }
        String local = current.get().getLocalTag();
        String remote = current.get().getRemoteTag();
        for (String tag : new String[] {toTag, fromTag}) {
            if (tag != null && !tag.equals(local) && !tag.equals(remote)) {
                return false;
            }
        }
        return true;
    }

    /** Refuses an INVITE we have not answered with a given status (e.g. 481 for a Replaces that matches nothing). */
    void reject(int status) {
        Request request;
        ServerTransaction server;
        try (ChannelLock.Held held = lock.acquire()) {
            if (!inbound || state != CallState.OFFERED) {
                return;
            }
            state = CallState.ENDED;
            request = invite;
            server = inviteServer;
        }
        context.messages().send(server, context.messages().response(request, status), endpoint.name());
        finish();
    }

    boolean isUp() {
        try (ChannelLock.Held held = lock.acquire()) {
            return state == CallState.UP;
        }
    }

    // --- the channel core asks ----------------------------------------------------------------------------

    void answer() {
        Response ok;
        ServerTransaction transaction;
        try (ChannelLock.Held held = lock.acquire()) {
            if (!inbound || state != CallState.OFFERED) {
                return;
            }
            ok = context.messages().response(invite, Response.OK);
            ok.addHeader(context.messages().contact(transportOf(invite)));
            setSdp(ok, media.localDescription());
            transaction = inviteServer;
            state = CallState.UP;
        }
        rtp.setSending(!remoteHold());
        try {
            context.messages().send(transaction, ok, endpoint.name());
        } finally {
            okSent.complete(null);
        }
    }

    private boolean remoteHold() {
        try (ChannelLock.Held held = lock.acquire()) {
            return remoteHold;
        }
    }

    void indicate(Control control) {
        switch (control) {
            case RINGING -> provisional(Response.RINGING, false);
            case PROGRESS -> provisional(Response.SESSION_PROGRESS, true);
            case PROCEEDING -> provisional(Response.TRYING, false);
            case BUSY -> failEarly(HangupCause.USER_BUSY);
            case CONGESTION -> failEarly(HangupCause.NORMAL_CIRCUIT_CONGESTION);
            default -> LOG.debug("{}: indication {} has no SIP meaning here", callId, control);
        }
    }

    private void provisional(int status, boolean withSdp) {
        Response response;
        ServerTransaction transaction;
        try (ChannelLock.Held held = lock.acquire()) {
            if (!inbound || state != CallState.OFFERED) {
                return;
            }
            response = context.messages().response(invite, status);
            if (status > 100) {
                response.addHeader(context.messages().contact(transportOf(invite)));
            }
            if (withSdp) {
                setSdp(response, media.localDescription());
                earlyMedia = true;
            }
            transaction = inviteServer;
        }
        if (withSdp) {
            rtp.setSending(true);
        }
        context.messages().send(transaction, response, endpoint.name());
    }

    /** Busy or congestion before answer: the final response ends the call, and the core hears of it. */
    private void failEarly(HangupCause cause) {
        boolean sent;
        try (ChannelLock.Held held = lock.acquire()) {
            sent = inbound && state == CallState.OFFERED;
        }
        if (sent) {
            hangup(cause);
            ChannelLink current = link;
            if (current != null) {
                current.farEndHangup(cause);
            }
        }
    }

    void write(VoiceFrame frame) {
        if (canSendMedia()) {
            rtp.sendVoice(frame);
        }
    }

    void sendDigitBegin(char digit) {
        if (canSendMedia()) {
            rtp.sendDigitBegin(digit);
        }
    }

    void sendDigitEnd(char digit, Duration duration) {
        if (canSendMedia()) {
            rtp.sendDigitEnd(digit, duration);
        }
    }

    private boolean canSendMedia() {
        // read without the lock: a stale answer costs one packet at most
        CallState now = state;
        return now == CallState.UP || (now == CallState.OFFERED && earlyMedia) || now == CallState.CALLING;
    }

    /** The core hangs up this side: end the SIP session in whatever way its state calls for. */
    void hangup(HangupCause cause) {
        CallState before;
        Dialog currentDialog;
        ServerTransaction server;
        ClientTransaction client;
        Request request;
        boolean canCancel;
        try (ChannelLock.Held held = lock.acquire()) {
            before = state;
            if (before == CallState.ENDED) {
                return;
            }
            state = CallState.ENDED;
            currentDialog = dialog;
            server = inviteServer;
            client = inviteClient;
            request = invite;
            canCancel = provisionalReceived;
            if (before == CallState.CALLING && !canCancel) {
                cancelWhenProvisional = true;
            }
            if (before == CallState.UP && byeDeferred) {
                deferredBye = cause;
                return;
            }
        }
        try {
            switch (before) {
                case OFFERED -> {
                    SipStatus status = SipStatusMapping.toSipStatus(cause);
                    Response response = context.messages().response(request, status.code());
                    context.messages().reason(response, cause.code(), cause.name());
                    context.messages().send(server, response, endpoint.name());
                }
                case CALLING -> {
                    if (canCancel && client != null) {
                        Request cancel = client.createCancel();
                        context.messages().provider().getNewClientTransaction(cancel).sendRequest();
                        context.messages().trace().sent(endpoint.name(), remote, cancel);
                    }
                }
                case UP -> sendBye(currentDialog, cause);
                default -> {
                }
            }
        } catch (Exception e) {
            LOG.debug("{}: ending the SIP session after {} failed: {}", callId, cause, e.toString());
        }
        if (before != CallState.CALLING || canCancel) {
            finish();
        }
    }

    /** A transfer is reporting to the peer: our BYE must come after its final NOTIFY. */
    void deferBye() {
        try (ChannelLock.Held held = lock.acquire()) {
            byeDeferred = true;
        }
    }

    void releaseBye() {
        HangupCause cause;
        Dialog currentDialog;
        try (ChannelLock.Held held = lock.acquire()) {
            byeDeferred = false;
            cause = deferredBye;
            deferredBye = null;
            currentDialog = dialog;
        }
        if (cause != null) {
            try {
                sendBye(currentDialog, cause);
            } catch (Exception e) {
                LOG.debug("{}: deferred BYE failed: {}", callId, e.toString());
            }
            finish();
        }
    }

    private void sendBye(Dialog currentDialog, HangupCause cause) throws Exception {
        if (currentDialog == null) {
            return;
        }
        Request bye = currentDialog.createRequest(Request.BYE);
        context.messages().reason(bye, cause.code(), cause.name());
        ClientTransaction transaction = context.messages().provider().getNewClientTransaction(bye);
        currentDialog.sendRequest(transaction);
        context.messages().trace().sent(endpoint.name(), remote, bye);
    }

    /** Media off, out of the registry. The dialog itself ends through JAIN-SIP's own timers. */
    void finish() {
        rtp.close();
        context.calls().remove(this);
    }

    // --- the peer tells -----------------------------------------------------------------------------------

    void onBye(RequestEvent event, ServerTransaction transaction) {
        Request bye = event.getRequest();
        context.messages().reply(bye, transaction, Response.OK, endpoint.name());
        boolean wasLive;
        try (ChannelLock.Held held = lock.acquire()) {
            wasLive = state != CallState.ENDED;
            state = CallState.ENDED;
        }
        if (wasLive) {
            finish();
            reportHangup(causeOf(bye, HangupCause.NORMAL_CLEARING));
        }
    }

    void onCancel(RequestEvent event, ServerTransaction cancelTransaction) {
        Request cancel = event.getRequest();
        Response inviteResponse = null;
        ServerTransaction server;
        boolean ended;
        try (ChannelLock.Held held = lock.acquire()) {
            server = inviteServer;
            ended = inbound && state == CallState.OFFERED;
            if (ended) {
                state = CallState.ENDED;
                inviteResponse = context.messages().response(invite, Response.REQUEST_TERMINATED);
            }
        }
        context.messages().reply(cancel, cancelTransaction, ended ? Response.OK : Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST,
                endpoint.name());
        if (ended) {
            context.messages().send(server, inviteResponse, endpoint.name());
            finish();
            reportHangup(causeOf(cancel, HangupCause.NORMAL_CLEARING));
        }
    }

    /** The ACK to our 200: make sure JAIN-SIP stops retransmitting the 200 (see {@link AckRace}). */
    void onAck(RequestEvent event) {
        if (!inbound) {
            return;
        }
        try {
            okSent.get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Dialog current = event.getDialog();
        long cseq = ((javax.sip.header.CSeqHeader) event.getRequest().getHeader(javax.sip.header.CSeqHeader.NAME))
                .getSeqNumber();
        AckRace.recordIfMissed(current != null ? current : dialog().orElse(null), cseq);
    }

    /** A re-INVITE: new SDP (hold, resume, new address); answered from the same codec. */
    void onReinvite(RequestEvent event, ServerTransaction transaction) {
        Request reinvite = event.getRequest();
        Optional<SessionDescription> offer = SdpBodies.of(reinvite);
        Response response;
        Control change = null;
        boolean codecChanged = false;
        try (ChannelLock.Held held = lock.acquire()) {
            if (state != CallState.UP) {
                response = context.messages().response(reinvite, Response.REQUEST_PENDING);
            } else if (offer.isEmpty()) {
                // no offer: we offer what we have and take the answer in the ACK
                response = context.messages().response(reinvite, Response.OK);
                setSdp(response, media.localDescription());
            } else {
                try {
                    Negotiated renegotiated = MediaNegotiation.reanswer(offer.get(), endpoint, local);
                    boolean holdNow = MediaNegotiation.holds(offer.get());
                    if (holdNow != remoteHold) {
                        change = holdNow ? Control.HOLD : Control.UNHOLD;
                    }
                    remoteHold = holdNow;
                    codecChanged = media == null || media.codec() != renegotiated.codec();
                    media = renegotiated;
                    MediaNegotiation.apply(renegotiated, rtp);
                    response = context.messages().response(reinvite, Response.OK);
                    setSdp(response, renegotiated.localDescription());
                } catch (org.strowger.sip.internal.sdp.NoCommonCodecException e) {
                    response = context.messages().response(reinvite, Response.NOT_ACCEPTABLE_HERE);
                }
            }
            if (response.getStatusCode() == Response.OK) {
                response.addHeader(context.messages().contact(transportOf(reinvite)));
            }
        }
        context.messages().send(transaction, response, endpoint.name());
        if (codecChanged) {
            reportFormats();
        }
        if (change != null) {
            rtp.setSending(change == Control.UNHOLD);
            LOG.info("{} {} the call ({})", endpoint.name(), change == Control.HOLD ? "put on hold" : "resumed", callId);
            ChannelLink current = link;
            if (current != null) {
                current.queueFrame(ControlFrame.of(change));
            }
        }
    }

    /** A response to our INVITE (outbound calls). */
    void onInviteResponse(ResponseEvent event) {
        Response response = event.getResponse();
        int status = response.getStatusCode();
        if (status < 200) {
            onProvisional(response);
        } else if (status < 300) {
            onAnswered(event);
        } else {
            onRejected(response);
        }
    }

    private void onProvisional(Response response) {
        boolean cancelNow;
        ClientTransaction client;
        Control report = null;
        boolean newlyNegotiated = false;
        try (ChannelLock.Held held = lock.acquire()) {
            provisionalReceived = true;
            cancelNow = cancelWhenProvisional;
            cancelWhenProvisional = false;
            client = inviteClient;
            if (state == CallState.CALLING) {
                int status = response.getStatusCode();
                if (status == Response.RINGING) {
                    report = Control.RINGING;
                } else if (status == Response.SESSION_PROGRESS) {
                    report = Control.PROGRESS;
                    newlyNegotiated = acceptAnswerLocked(response);
                }
            }
        }
        if (cancelNow) {
            try {
                Request cancel = client.createCancel();
                context.messages().provider().getNewClientTransaction(cancel).sendRequest();
            } catch (Exception e) {
                LOG.debug("{}: CANCEL failed: {}", callId, e.toString());
            }
            finish();
            return;
        }
        if (newlyNegotiated) {
            reportFormats();
        }
        if (report != null) {
            ChannelLink current = link;
            if (current != null) {
                current.queueFrame(ControlFrame.of(report));
            }
        }
    }

    private void onAnswered(ResponseEvent event) {
        Response response = event.getResponse();
        Dialog answeredDialog = event.getDialog();
        boolean hangUpNow;
        boolean report;
        boolean newlyNegotiated = false;
        try (ChannelLock.Held held = lock.acquire()) {
            hangUpNow = state == CallState.ENDED;
            report = state == CallState.CALLING;
            if (report) {
                state = CallState.UP;
                if (answeredDialog != null) {
                    dialog = answeredDialog;
                }
                newlyNegotiated = acceptAnswerLocked(response);
            }
        }
        if (newlyNegotiated) {
            reportFormats();
        }
        sendAck(answeredDialog, response);
        if (hangUpNow) {
            // answered after we gave up (CANCEL crossed the 200): end the call properly
            try {
                sendBye(answeredDialog, HangupCause.NORMAL_CLEARING);
            } catch (Exception e) {
                LOG.debug("{}: BYE after late 200 failed: {}", callId, e.toString());
            }
            finish();
            return;
        }
        if (report) {
            rtp.setSending(true);
            ChannelLink current = link;
            if (current != null) {
                current.queueFrame(ControlFrame.of(Control.ANSWER));
            }
        }
    }

    private void sendAck(Dialog answeredDialog, Response response) {
        if (answeredDialog == null) {
            return;
        }
        try {
            long cseq = ((javax.sip.header.CSeqHeader) response.getHeader(javax.sip.header.CSeqHeader.NAME)).getSeqNumber();
            Request ack = answeredDialog.createAck(cseq);
            answeredDialog.sendAck(ack);
            context.messages().trace().sent(endpoint.name(), remote, ack);
        } catch (Exception e) {
            LOG.debug("{}: ACK failed: {}", callId, e.toString());
        }
    }

    /** A retransmitted 200 (our ACK was lost): ACK again. */
    void onRetransmitted2xx(ResponseEvent event) {
        sendAck(event.getDialog(), event.getResponse());
    }

    /** @return true when this answer settled the media (the core must hear of the codec) */
    private boolean acceptAnswerLocked(Response response) {
        if (media != null) {
            return false;
        }
        Optional<SessionDescription> answer = SdpBodies.of(response);
        if (answer.isEmpty()) {
            return false;
        }
        try {
            media = MediaNegotiation.acceptAnswer(offerSent, answer.get(), rtp);
            earlyMedia = true;
            return true;
        } catch (org.strowger.sip.internal.sdp.NoCommonCodecException e) {
            LOG.warn("{}: {} answered with no codec we offered: {}", callId, endpoint.name(), e.getMessage());
            return false;
        }
    }

    private void onRejected(Response response) {
        boolean report;
        try (ChannelLock.Held held = lock.acquire()) {
            report = state != CallState.ENDED;
            state = CallState.ENDED;
        }
        finish();
        if (report) {
            HangupCause cause = causeOf(response, SipStatusMapping.fromSipStatus(response.getStatusCode()));
            LOG.debug("{}: {} answered {} {}: cause {}", callId, endpoint.name(), response.getStatusCode(),
                    response.getReasonPhrase(), cause);
            reportHangup(cause);
        }
    }

    /** Our INVITE got no final answer in time, or a transport failed. */
    void onFailure(HangupCause cause, String why) {
        boolean report;
        try (ChannelLock.Held held = lock.acquire()) {
            report = state != CallState.ENDED;
            state = CallState.ENDED;
        }
        finish();
        if (report) {
            LOG.info("{}: call with {} failed: {}", callId, endpoint.name(), why);
            reportHangup(cause);
        }
    }

    private void reportHangup(HangupCause cause) {
        ChannelLink current = link;
        if (current != null) {
            current.farEndHangup(cause);
        }
    }

    private static HangupCause causeOf(javax.sip.message.Message message, HangupCause fallback) {
        javax.sip.header.Header reason = message.getHeader("Reason");
        if (reason == null) {
            return fallback;
        }
        String value = reason.toString();
        int colon = value.indexOf(':');
        return org.strowger.sip.internal.cause.Q850Reason.parse(colon < 0 ? value : value.substring(colon + 1).trim()).orElse(fallback);
    }

    private void setSdp(javax.sip.message.Message message, SessionDescription description) {
        try {
            message.setContent(description.render(), context.messages().sdpType());
        } catch (java.text.ParseException e) {
            throw new IllegalStateException("cannot attach SDP", e);
        }
    }

    static String transportOf(Request request) {
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader(javax.sip.header.ViaHeader.NAME);
        return via == null ? "udp" : via.getTransport();
    }

    // --- media from the peer (RTP I/O thread) ---------------------------------------------------------------

    @Override
    public void voice(VoiceFrame frame) {
        ChannelLink current = link;
        if (current != null) {
            current.queueFrame(frame);
        }
    }

    @Override
    public void digitBegin(char digit) {
        ChannelLink current = link;
        if (current != null) {
            current.queueFrame(DtmfFrame.begin(digit));
        }
    }

    @Override
    public void digitEnd(char digit, Duration duration) {
        ChannelLink current = link;
        if (current != null) {
            current.queueFrame(DtmfFrame.end(digit, duration));
        }
    }


    @Override
    public String toString() {
        return "SIP call " + callId + " with " + endpoint.name();
    }
}
