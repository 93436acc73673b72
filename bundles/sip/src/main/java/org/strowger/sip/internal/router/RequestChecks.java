package org.strowger.sip.internal.router;

import java.util.ArrayList;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentLengthHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RequireHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

import gov.nist.javax.sip.address.AddressImpl;

/**
 * Checks the parser leaves to us (RFC 4475 lists the traps): a request that fails one gets the
 * status its problem calls for and never reaches a session.
 */
final class RequestChecks {

    static final String LOOP = "Max-Forwards reached zero";
    static final String SCHEME = "unsupported Request-URI scheme";
    static final String REQUIRE = "unsupported extension required";
    static final String METHOD = "unknown method";
    static final String VERSION = "unsupported SIP version";
    static final String CONTENT_TYPE = "unsupported body type";
    static final String NOT_ACCEPTABLE = "the INVITE does not accept application/sdp";

    /** JAIN-SIP recognises the RFC 3261 magic cookie case-insensitively, so the bare cookie is refused in any case. */
    private static final String MAGIC_COOKIE = "z9hG4bK";
    private static final Set<String> KNOWN_METHODS = Set.of("INVITE", "ACK", "CANCEL", "BYE",
            "OPTIONS", "REGISTER", "REFER", "NOTIFY", "SUBSCRIBE", "INFO", "UPDATE", "PRACK", "MESSAGE", "PUBLISH");
    private static final Set<String> SUPPORTED_OPTION_TAGS = Set.of("replaces", "norefersub");

    private RequestChecks() {
    }

    static Optional<String> problem(Request request) {
        String method = request.getMethod();
        if (!KNOWN_METHODS.contains(method)) {
            return Optional.of(METHOD + " " + method);
        }
        for (String name : new String[] {"Call-ID", "From", "To", "Via"}) {
            if (request.getHeader(name) == null) {
                return Optional.of("no " + name + " header");
            }
        }
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        // JAIN-SIP reports SIP/2.0 in the request line for any SIP/x.y; the top Via still shows the sender's version
        String protocol = via.getProtocol() == null ? "" : via.getProtocol().replaceAll("\\s+", "");
        if (!protocol.isEmpty() && !protocol.equalsIgnoreCase("SIP/2.0")) {
            return Optional.of(VERSION + " " + protocol + " in the top Via");
        }
        if (MAGIC_COOKIE.equalsIgnoreCase(via.getBranch())) {
            return Optional.of("the Via branch is only the magic cookie z9hG4bK");
        }
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        if (cseq == null) {
            return Optional.of("no CSeq header");
        }
        if (!cseq.getMethod().equals(method)) {
            return Optional.of("CSeq method " + cseq.getMethod() + " does not match request method " + method);
        }
        URI uri = request.getRequestURI();
        String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("tel")) {
            return Optional.of(SCHEME + " '" + scheme + "'");
        }
        if (uri instanceof SipURI sip && hasHeaders(sip)) {
            return Optional.of("the Request-URI carries headers");
        }
        if (Request.REGISTER.equals(method) && !isSipAddress(((ToHeader) request.getHeader(ToHeader.NAME)).getAddress())) {
            return Optional.of("the REGISTER's To (the address of record) is not a SIP or SIPS URI");
        }
        ListIterator<?> contacts = request.getHeaders(ContactHeader.NAME);
        while (contacts != null && contacts.hasNext()) {
            Address address = ((ContactHeader) contacts.next()).getAddress();
            if (address instanceof AddressImpl impl && impl.getAddressType() == AddressImpl.ADDRESS_SPEC
                    && address.getURI() instanceof SipURI sip && hasHeaders(sip)) {
                return Optional.of("a Contact URI with headers must be enclosed in <>");
            }
        }
        ContentTypeHeader type = (ContentTypeHeader) request.getHeader(ContentTypeHeader.NAME);
        byte[] content = request.getRawContent();
        if (content != null && content.length > 0 && type != null && !isKnownBody(method, type)) {
            return Optional.of(CONTENT_TYPE + " " + type.getContentType() + "/" + type.getContentSubType());
        }
        if (Request.INVITE.equals(method) && !acceptsSdp(request)) {
            return Optional.of(NOT_ACCEPTABLE);
        }
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0 && mayOriginateOnward(request)) {
            return Optional.of(LOOP);
        }
        ContentLengthHeader length = request.getContentLength();
        int actual = content == null ? 0 : content.length;
        if (length != null && length.getContentLength() != actual) {
            return Optional.of("Content-Length " + length.getContentLength() + " does not match the body (" + actual + " bytes)");
        }
        if (!Request.ACK.equals(method) && !Request.CANCEL.equals(method)) {
            List<String> unsupported = unsupportedRequired(request);
            if (!unsupported.isEmpty()) {
                return Optional.of(REQUIRE + " '" + String.join(", ", unsupported) + "'");
            }
        }
        return Optional.empty();
    }

    /**
     * Whether handling the request can make us send a request onward (a new B2BUA leg): a new INVITE,
     * or a REFER (transfer). Everything else ends here (OPTIONS, REGISTER, in-dialog requests) and is
     * processed normally whatever its Max-Forwards (RFC 4475 zeromf).
     */
    private static boolean mayOriginateOnward(Request request) {
        if (Request.REFER.equals(request.getMethod())) {
            return true;
        }
        return Request.INVITE.equals(request.getMethod())
                && ((ToHeader) request.getHeader(ToHeader.NAME)).getTag() == null;
    }

    private static List<String> unsupportedRequired(Request request) {
        List<String> unsupported = new ArrayList<>();
        ListIterator<?> requires = request.getHeaders(RequireHeader.NAME);
        while (requires != null && requires.hasNext()) {
            String tag = ((RequireHeader) requires.next()).getOptionTag();
            if (tag != null && !SUPPORTED_OPTION_TAGS.contains(tag.toLowerCase(Locale.ROOT))) {
                unsupported.add(tag);
            }
        }
        return unsupported;
    }

    private static boolean hasHeaders(SipURI uri) {
        java.util.Iterator<?> names = uri.getHeaderNames();
        return names != null && names.hasNext();
    }

    private static boolean isSipAddress(Address address) {
        return address != null && address.getURI() != null && address.getURI().isSipURI();
    }

    private static boolean isKnownBody(String method, ContentTypeHeader type) {
        String full = (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
        return full.equals("application/sdp") || (Request.NOTIFY.equals(method) && full.equals("message/sipfrag"))
                || Request.INFO.equals(method) || Request.MESSAGE.equals(method);
    }

    private static boolean acceptsSdp(Request request) {
        ListIterator<?> accepts = request.getHeaders(AcceptHeader.NAME);
        if (accepts == null || !accepts.hasNext()) {
            return true;
        }
        while (accepts.hasNext()) {
            AcceptHeader accept = (AcceptHeader) accepts.next();
            String type = String.valueOf(accept.getContentType()).toLowerCase(Locale.ROOT);
            String sub = String.valueOf(accept.getContentSubType()).toLowerCase(Locale.ROOT);
            if ((type.equals("application") || type.equals("*")) && (sub.equals("sdp") || sub.equals("*"))) {
                return true;
            }
        }
        return false;
    }

    static int statusFor(String problem) {
        if (problem.startsWith(METHOD)) {
            return Response.NOT_IMPLEMENTED;
        }
        if (problem.startsWith(VERSION)) {
            return Response.VERSION_NOT_SUPPORTED;
        }
        if (problem.startsWith(CONTENT_TYPE)) {
            return Response.UNSUPPORTED_MEDIA_TYPE;
        }
        if (problem.equals(NOT_ACCEPTABLE)) {
            return Response.NOT_ACCEPTABLE;
        }
        if (problem.equals(LOOP)) {
            return Response.TOO_MANY_HOPS;
        }
        if (problem.startsWith(SCHEME)) {
            return Response.UNSUPPORTED_URI_SCHEME;
        }
        if (problem.startsWith(REQUIRE)) {
            return Response.BAD_EXTENSION;
        }
        return Response.BAD_REQUEST;
    }
}
