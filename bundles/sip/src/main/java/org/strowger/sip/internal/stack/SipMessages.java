package org.strowger.sip.internal.stack;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.SipProvider;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Building and sending the messages every layer needs: responses with tags, Contact, SDP bodies. */
public final class SipMessages {

    private static final Logger LOG = LoggerFactory.getLogger(SipMessages.class);
    private static final String[] ALLOWED = {"INVITE", "ACK", "CANCEL", "BYE", "OPTIONS", "REFER", "NOTIFY", "REGISTER", "INFO"};

    private final SipFactories factories;
    private final String advertisedHost;
    private final int port;
    private final MessageTrace trace;
    /** Secret key of the to-tag hash, per instance. */
    private final byte[] tagKey = new byte[16];
    private volatile SipTransports transports;

    public SipMessages(SipFactories factories, String advertisedHost, int port, MessageTrace trace) {
        this.factories = factories;
        this.advertisedHost = advertisedHost;
        this.port = port;
        this.trace = trace;
        new SecureRandom().nextBytes(tagKey);
    }

    /** The transports exist after their listener (which needs this object): bound once, before traffic. */
    public void bind(SipTransports transports) {
        this.transports = transports;
    }

    public boolean isBound() {
        return transports != null;
    }

    public SipFactories factories() {
        return factories;
    }

    public SipProvider provider() {
        return transports.provider();
    }

    public String advertisedHost() {
        return advertisedHost;
    }

    public int port() {
        return port;
    }

    public MessageTrace trace() {
        return trace;
    }

    public static String newTag() {
        return Long.toHexString(ThreadLocalRandom.current().nextLong() & 0x7fffffffffffL);
    }

    /**
     * A response; a to-tag is added where the request has none, except to 100 Trying. Every response
     * to one request gets the same tag (RFC 3261 8.2.6.2: a 180 and the 200 after it must agree, and
     * JAIN-SIP refuses to send a 2xx whose tag differs from the dialog's), and a retransmitted request
     * answered statelessly gets the tag it got before (8.2.7).
     */
    public Response response(Request request, int status) {
        try {
            Response response = factories.messages().createResponse(status, request);
            ToHeader to = (ToHeader) response.getHeader(ToHeader.NAME);
            if (status > 100 && to != null && to.getTag() == null) {
                to.setTag(toTag(request));
            }
            return response;
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build a " + status + " response", e);
        }
    }

    /**
     * Our to-tag for a request without one: a keyed hash of what identifies the request (Call-ID,
     * From tag, top Via branch, CSeq number), so it is the same for every response to it and for
     * its CANCEL (RFC 3261 9.2), different for any other request, and not guessable from outside.
     */
    private String toTag(Request request) {
        StringBuilder key = new StringBuilder();
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        FromHeader from = (FromHeader) request.getHeader(FromHeader.NAME);
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        key.append(callId == null ? "" : callId.getCallId()).append('\n')
                .append(from == null ? "" : String.valueOf(from.getTag())).append('\n')
                .append(via == null ? "" : String.valueOf(via.getBranch())).append('\n')
                .append(cseq == null ? "" : Long.toString(cseq.getSeqNumber()));
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(tagKey);
            byte[] hash = digest.digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Our Contact for a transport: {@code <sip:strowger@host:port;transport=tcp>}. */
    public ContactHeader contact(String transport) {
        try {
            SipURI uri = factories.addresses().createSipURI("strowger", advertisedHost);
            uri.setPort(port);
            if (transport != null && !transport.equalsIgnoreCase("udp")) {
                uri.setTransportParam(transport.toLowerCase(Locale.ROOT));
            }
            Address address = factories.addresses().createAddress(uri);
            return factories.headers().createContactHeader(address);
        } catch (ParseException e) {
            throw new IllegalStateException("cannot build our Contact", e);
        }
    }

    /** One Allow header per method we take (JAIN-SIP keeps Allow singular). */
    public void addAllow(javax.sip.message.Message message) {
        try {
            for (String method : ALLOWED) {
                message.addHeader(factories.headers().createAllowHeader(method));
            }
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public ContentTypeHeader sdpType() {
        try {
            return factories.headers().createContentTypeHeader("application", "sdp");
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    public Header header(String name, String value) {
        try {
            return factories.headers().createHeader(name, value);
        } catch (ParseException e) {
            throw new IllegalArgumentException("bad " + name + " header value '" + value + "'", e);
        }
    }

    public void reason(javax.sip.message.Message message, int q850, String text) {
        try {
            message.setHeader(factories.headers().createReasonHeader("Q.850", q850, text));
        } catch (ParseException | InvalidArgumentException e) {
            LOG.debug("cannot add Reason {}", q850, e);
        }
    }

    /** Sends a response in its server transaction, or statelessly when there is none. */
    public boolean send(ServerTransaction transaction, Response response, String endpoint) {
        try {
            if (transaction != null) {
                transaction.sendResponse(response);
            } else {
                transports.provider().sendResponse(response);
            }
            trace.sent(endpoint, "peer", response);
            return true;
        } catch (SipException | InvalidArgumentException | RuntimeException e) {
            LOG.warn("Could not send SIP {} {} for {}: {}", response.getStatusCode(), response.getReasonPhrase(),
                    response.getHeader(javax.sip.header.CallIdHeader.NAME), e.toString());
            return false;
        }
    }

    /** Answers a request with a bare status, in a new server transaction when it can have one. */
    public void reply(Request request, ServerTransaction transaction, int status, String endpoint) {
        send(transaction, response(request, status), endpoint);
    }
}
