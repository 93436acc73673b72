package org.strowger.sip.internal.session;

import java.io.IOException;
import java.text.ParseException;
import java.util.List;
import java.util.Optional;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.message.Request;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.CallerId;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.sip.internal.endpoint.Endpoint;
import org.strowger.sip.internal.endpoint.EndpointRegistry;
import org.strowger.sip.internal.registrar.Destination;
import org.strowger.sip.internal.registrar.Registrar;
import org.strowger.sip.internal.rtp.RtpSession;
import org.strowger.sip.internal.sdp.LocalMedia;
import org.strowger.sip.internal.stack.RequestBuilder;
import org.strowger.sip.internal.stack.SipMessages;

/**
 * Calls we place: {@code SIP/<endpoint>[/<user>]} goes to the endpoint's newest registered
 * contact or to its static address, with the user part (the dialled extension for trunks)
 * defaulting to the endpoint name.
 */
public final class OutboundCalls {

    private static final Logger LOG = LoggerFactory.getLogger(OutboundCalls.class);

    private final SessionContext context;
    private final EndpointRegistry endpoints;
    private final Registrar registrar;

    public OutboundCalls(SessionContext context, EndpointRegistry endpoints, Registrar registrar) {
        this.context = context;
        this.endpoints = endpoints;
        this.registrar = registrar;
    }

    /** The resource of a dial string, e.g. {@code bob} or {@code loadsink/9000}. */
    public DriverSide request(String resource, ChannelLink link) throws ChannelUnavailableException {
        int slash = resource.indexOf('/');
        String name = slash < 0 ? resource : resource.substring(0, slash);
        String user = slash < 0 ? name : resource.substring(slash + 1);
        Endpoint endpoint = endpoints.byName(name).orElseThrow(() -> new ChannelUnavailableException(
                HangupCause.UNALLOCATED, "no SIP endpoint named '" + name + "'"));
        if (user.isEmpty() || !user.matches("[A-Za-z0-9.+*#_-]{1,64}")) {
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT,
                    "'" + user + "' is not a valid SIP user to call at " + name);
        }
        Target target = target(endpoint, user);
        LateReceiver receiver = new LateReceiver();
        RtpSession rtp;
        try {
            rtp = context.rtp().open(receiver);
        } catch (IOException e) {
            throw new ChannelUnavailableException(HangupCause.NORMAL_CIRCUIT_CONGESTION, "no RTP port: " + e.getMessage());
        }
        String callId = context.messages().provider().getNewCallId().getCallId();
        SipCall call = new SipCall(context, endpoint, false, callId, context.channels().newPvtLock(InboundCalls.SIP),
                rtp, target.transport + ":" + target.describe, CallState.CALLING);
        receiver.set(call);
        call.local = MediaNegotiation.local(context.messages().advertisedHost(), rtp);
        call.offerSent = MediaNegotiation.offer(endpoint, call.local);
        call.pendingTarget = target;
        call.attach(link);
        context.calls().add(call);
        return new SipDriverSide(call, this);
    }

    record Target(URI requestUri, Address to, String transport, String describe) {
    }

    private Target target(Endpoint endpoint, String user) throws ChannelUnavailableException {
        SipMessages messages = context.messages();
        try {
            Destination destination = Destination.of(endpoint, user, registrar, messages.factories().addresses())
                    .orElseThrow(() -> new ChannelUnavailableException(HangupCause.SUBSCRIBER_ABSENT,
                            "SIP endpoint '" + endpoint.name() + "' is not registered (and has no static address)"));
            // to a registered phone: To names the user at our domain; to a trunk: the Request-URI itself
            URI to = destination.registered()
                    ? messages.factories().addresses().createSipURI(user, messages.advertisedHost())
                    : (URI) destination.requestUri().clone();
            return new Target(destination.requestUri(), messages.factories().addresses().createAddress(to),
                    destination.transport(), destination.describe());
        } catch (ParseException e) {
            throw new ChannelUnavailableException(HangupCause.CHANNEL_UNACCEPTABLE,
                    "cannot address SIP endpoint '" + endpoint.name() + "': " + e.getMessage());
        }
    }

    /** Sends the INVITE; answers arrive later through the listener. */
    void sendInvite(SipCall call) throws ChannelUnavailableException {
        SipMessages messages = context.messages();
        Target target = call.pendingTarget;
        try {
            CallerId callerId = call.link().map(link -> link.owner().callerId()).orElse(CallerId.UNKNOWN);
            String fromUser = callerId.number().matches("[A-Za-z0-9.+*#_-]{1,64}") ? callerId.number() : "strowger";
            Request invite = new RequestBuilder(messages).build(Request.INVITE, target.requestUri(), target.to(),
                    target.transport(), fromUser, callerId.name(), call.callId());
            messages.addAllow(invite);
            invite.setContent(call.offerSent.render(), messages.sdpType());
            ClientTransaction transaction = messages.provider().getNewClientTransaction(invite);
            Dialog dialog = messages.provider().getNewDialog(transaction);
            transaction.setApplicationData(call);
            dialog.setApplicationData(call);
            try (var held = call.lock.acquire()) {
                call.invite = invite;
                call.inviteClient = transaction;
                call.dialog = dialog;
            }
            transaction.sendRequest();
            messages.trace().sent(call.endpoint.name(), target.describe(), invite);
        } catch (ParseException | InvalidArgumentException | SipException e) {
            LOG.warn("Cannot send INVITE to {}: {}", target.describe(), e.getMessage());
            call.finish();
            throw new ChannelUnavailableException(HangupCause.DESTINATION_OUT_OF_ORDER,
                    "cannot send INVITE to " + target.describe() + ": " + e.getMessage());
        }
    }
}
