package org.strowger.sip.internal.router;

import java.util.Optional;

import javax.sip.ClientTransaction;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.SipURI;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.sip.internal.endpoint.Endpoint;
import org.strowger.sip.internal.endpoint.EndpointRegistry;
import org.strowger.sip.internal.qualify.Qualifier;
import org.strowger.sip.internal.registrar.RegisterHandler;
import org.strowger.sip.internal.security.GuardVerdict;
import org.strowger.sip.internal.security.RequestGuard;
import org.strowger.sip.internal.session.InboundCalls;
import org.strowger.sip.internal.session.SessionEvents;
import org.strowger.sip.internal.session.SipCall;
import org.strowger.sip.internal.stack.SipMessages;

/**
 * The one SIP listener: checks each request, identifies who sent it, authenticates it where
 * the endpoint has a secret, and hands it to the layer that owns it (registrar, new calls,
 * an existing call). Responses go back to the transaction that asked.
 */
public final class SipRouter implements SipListener {

    private static final Logger LOG = LoggerFactory.getLogger(SipRouter.class);

    private final EndpointRegistry endpoints;
    /** Replaced whole when the authentication settings change live. */
    private volatile RequestGuard guard;
    private final RegisterHandler registrar;
    private final InboundCalls inbound;
    private final SessionEvents sessions;
    private final Qualifier qualifier;
    private final SipMessages messages;

    public SipRouter(SipMessages messages, EndpointRegistry endpoints, RequestGuard guard, RegisterHandler registrar,
            InboundCalls inbound, SessionEvents sessions, Qualifier qualifier) {
        this.messages = messages;
        this.endpoints = endpoints;
        this.guard = guard;
        this.registrar = registrar;
        this.inbound = inbound;
        this.sessions = sessions;
        this.qualifier = qualifier;
    }

    /**
     * Authentication settings changed (realm, algorithms, throttle): requests from now on are
     * checked by the new guard. A nonce the old guard issued is unknown to the new one: that answer
     * counts as a failed attempt and gets a fresh challenge.
     */
    public void guard(RequestGuard newGuard) {
        this.guard = newGuard;
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request request = event.getRequest();
        Source source = Source.of(request);
        if (!messages.isBound()) {
            return; // the stack delivered before start-up finished: the peer retransmits
        }
        try {
            route(event, request, source);
        } catch (RuntimeException e) {
            LOG.error("SIP {} from {} failed: {}", request.getMethod(), source, e.toString(), e);
            if (!Request.ACK.equals(request.getMethod())) {
                messages.reply(request, event.getServerTransaction(), Response.SERVER_INTERNAL_ERROR, null);
            }
        }
    }

    private void route(RequestEvent event, Request request, Source source) {
        String method = request.getMethod();
        Optional<String> problem = RequestChecks.problem(request);
        if (problem.isPresent()) {
            LOG.warn("Bad SIP {} from {}: {}", method, source, problem.get());
            if (!Request.ACK.equals(method)) {
                Response response = messages.response(request, RequestChecks.statusFor(problem.get()));
                decorate(response, problem.get());
                messages.send(null, response, null);
            }
            return;
        }
        if (Request.ACK.equals(method)) {
            sessions.ack(event);
            return;
        }
        if (Request.CANCEL.equals(method)) {
            sessions.cancel(event, serverTransaction(event));
            return;
        }
        if (inDialog(request)) {
            sessions.inDialog(event, serverTransaction(event), source);
            return;
        }
        switch (method) {
            case Request.REGISTER, Request.INVITE, Request.OPTIONS -> outOfDialog(event, request, method, source);
            case Request.BYE, Request.NOTIFY, Request.REFER, Request.INFO, Request.UPDATE, Request.PRACK ->
                    messages.reply(request, null, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST, null);
            default -> {
                Response response = messages.response(request, Response.METHOD_NOT_ALLOWED);
                messages.addAllow(response);
                messages.send(null, response, null);
            }
        }
    }

    /** What a refusal must tell (RFC 3261 §8.2.2.3, §8.2.1): the unsupported tags, what we accept. */
    private void decorate(Response response, String problem) {
        switch (response.getStatusCode()) {
            case Response.BAD_EXTENSION -> {
                int quote = problem.indexOf('\'');
                String tags = quote < 0 ? "" : problem.substring(quote + 1, problem.length() - 1);
                for (String tag : tags.split(",\\s*")) {
                    if (!tag.isBlank()) {
                        response.addHeader(messages.header("Unsupported", tag.trim()));
                    }
                }
            }
            case Response.UNSUPPORTED_MEDIA_TYPE -> response.addHeader(messages.header("Accept", "application/sdp"));
            case Response.NOT_IMPLEMENTED, Response.METHOD_NOT_ALLOWED -> messages.addAllow(response);
            default -> {
            }
        }
    }

    private void outOfDialog(RequestEvent event, Request request, String method, Source source) {
        Optional<Endpoint> found = identify(request, method, source);
        if (found.isEmpty()) {
            LOG.info("SIP {} from {} (user '{}') matches no endpoint: 403", method, source, userOf(request, method));
            if (!Request.OPTIONS.equals(method)) {
                guard.countFailure(source.ip(), userOf(request, method));
            }
            messages.reply(request, null, Response.FORBIDDEN, null);
            return;
        }
        Endpoint endpoint = found.get();
        messages.trace().received(endpoint.name(), source.toString(), request);
        if (Request.OPTIONS.equals(method)) {
            Response ok = messages.response(request, Response.OK);
            messages.addAllow(ok);
            ok.addHeader(messages.header("Accept", "application/sdp"));
            messages.send(null, ok, endpoint.name());
            return;
        }
        if (endpoint.requiresAuthentication()) {
            GuardVerdict verdict = guard.check(request, endpoint, source.ip());
            if (verdict != GuardVerdict.ACCEPT) {
                refuse(request, method, endpoint, verdict);
                return;
            }
        }
        ServerTransaction transaction = serverTransaction(event);
        if (transaction == null) {
            return; // a retransmission the stack already has a transaction for
        }
        if (Request.REGISTER.equals(method)) {
            registrar.register(request, transaction, endpoint, source.toString());
        } else {
            inbound.offer(request, transaction, endpoint, source.toString());
        }
    }

    private void refuse(Request request, String method, Endpoint endpoint, GuardVerdict verdict) {
        if (verdict == GuardVerdict.REJECT) {
            messages.reply(request, null, Response.FORBIDDEN, endpoint.name());
            return;
        }
        boolean register = Request.REGISTER.equals(method);
        Response response = messages.response(request, register ? Response.UNAUTHORIZED
                : Response.PROXY_AUTHENTICATION_REQUIRED);
        String header = register ? "WWW-Authenticate" : "Proxy-Authenticate";
        for (String challenge : guard.challenges(verdict == GuardVerdict.CHALLENGE_STALE)) {
            response.addHeader(messages.header(header, challenge));
        }
        messages.send(null, response, endpoint.name());
    }

    /**
     * Who sent it: a trunk without a secret by exact source address and port; otherwise the
     * endpoint named by the user (To for REGISTER, From for the rest); otherwise the anonymous
     * endpoint, if one is configured, for calls only.
     */
    private Optional<Endpoint> identify(Request request, String method, Source source) {
        Optional<Endpoint> trunk = endpoints.bySource(source.address());
        if (trunk.isPresent()) {
            return trunk;
        }
        Optional<Endpoint> named = endpoints.byName(userOf(request, method))
                .filter(e -> e.requiresAuthentication());
        if (named.isPresent()) {
            return named;
        }
        return Request.REGISTER.equals(method) ? Optional.empty() : endpoints.anonymous();
    }

    private static String userOf(Request request, String method) {
        javax.sip.address.Address address = Request.REGISTER.equals(method)
                ? ((ToHeader) request.getHeader(ToHeader.NAME)).getAddress()
                : ((FromHeader) request.getHeader(FromHeader.NAME)).getAddress();
        return address.getURI() instanceof SipURI sip && sip.getUser() != null ? sip.getUser() : "";
    }

    private static boolean inDialog(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getTag() != null;
    }

    private ServerTransaction serverTransaction(RequestEvent event) {
        ServerTransaction transaction = event.getServerTransaction();
        if (transaction != null) {
            return transaction;
        }
        try {
            return messages.provider().getNewServerTransaction(event.getRequest());
        } catch (javax.sip.TransactionAlreadyExistsException e) {
            return null;
        } catch (javax.sip.TransactionUnavailableException e) {
            LOG.debug("no server transaction for {}: {}", event.getRequest().getMethod(), e.getMessage());
            return null;
        }
    }

    @Override
    public void processResponse(ResponseEvent event) {
        ClientTransaction transaction = event.getClientTransaction();
        Object owner = transaction == null ? null : transaction.getApplicationData();
        if (owner instanceof SipCall call) {
            sessions.response(call, event);
        } else if (owner instanceof Qualifier.Probe probe) {
            qualifier.answered(probe, event.getResponse());
        } else if (transaction == null && event.getDialog() != null
                && event.getDialog().getApplicationData() instanceof SipCall call) {
            sessions.retransmitted(call, event);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        javax.sip.Transaction transaction = event.isServerTransaction() ? event.getServerTransaction()
                : event.getClientTransaction();
        Object owner = transaction == null ? null : transaction.getApplicationData();
        if (owner instanceof SipCall call) {
            sessions.timeout(call, transaction);
        } else if (owner instanceof Qualifier.Probe probe) {
            qualifier.timedOut(probe);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        LOG.info("SIP transport error towards {}:{}/{}", event.getHost(), event.getPort(), event.getTransport());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // transactions carry no state of ours beyond their application data
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // a call leaves the registry when its session ends (BYE, CANCEL, final failure), not here
    }

}
