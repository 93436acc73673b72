package org.strowger.sip.internal.stack;

import java.text.ParseException;
import java.util.List;

import javax.sip.InvalidArgumentException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;

/** New out-of-dialog requests (INVITE, OPTIONS) from us, with fresh Call-ID, tags and branch. */
public final class RequestBuilder {

    private final SipMessages messages;

    public RequestBuilder(SipMessages messages) {
        this.messages = messages;
    }

    /**
     * @param fromUser    user part of our From URI
     * @param displayName From display name, or null
     * @param callId      the Call-ID to use, or null for a new one
     */
    public Request build(String method, URI requestUri, Address to, String transport, String fromUser,
            String displayName, String callId) throws ParseException, InvalidArgumentException {
        SipFactories factories = messages.factories();
        SipURI fromUri = factories.addresses().createSipURI(fromUser, messages.advertisedHost());
        Address fromAddress = factories.addresses().createAddress(fromUri);
        if (displayName != null && !displayName.isEmpty()) {
            fromAddress.setDisplayName(displayName);
        }
        FromHeader from = factories.headers().createFromHeader(fromAddress, SipMessages.newTag());
        ToHeader toHeader = factories.headers().createToHeader(to, null);
        CallIdHeader callIdHeader = callId == null ? messages.provider().getNewCallId()
                : factories.headers().createCallIdHeader(callId);
        CSeqHeader cseq = factories.headers().createCSeqHeader(1L, method);
        ViaHeader via = factories.headers().createViaHeader(messages.advertisedHost(), messages.port(), transport, null);
        MaxForwardsHeader maxForwards = factories.headers().createMaxForwardsHeader(70);
        Request request = factories.messages().createRequest(requestUri, method, callIdHeader, cseq, from, toHeader,
                List.of(via), maxForwards);
        request.addHeader(messages.contact(transport));
        return request;
    }
}
