package org.strowger.sip.internal.router;

import java.util.Locale;
import java.util.Optional;

import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentLengthHeader;
import javax.sip.header.MaxForwardsHeader;
import javax.sip.header.RequireHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Checks the parser leaves to us (RFC 4475 lists the traps): a request that fails one gets the
 * status its problem calls for and never reaches a session.
 */
final class RequestChecks {

    static final String LOOP = "Max-Forwards reached zero";
    static final String SCHEME = "unsupported Request-URI scheme";
    static final String REQUIRE = "unsupported extension required";

    private RequestChecks() {
    }

    static final String METHOD = "unknown method";
    static final String CONTENT_TYPE = "unsupported body type";
    static final String NOT_ACCEPTABLE = "the INVITE does not accept application/sdp";
    private static final java.util.Set<String> KNOWN_METHODS = java.util.Set.of("INVITE", "ACK", "CANCEL", "BYE",
            "OPTIONS", "REGISTER", "REFER", "NOTIFY", "SUBSCRIBE", "INFO", "UPDATE", "PRACK", "MESSAGE", "PUBLISH");

    static Optional<String> problem(Request request) {
        if (!KNOWN_METHODS.contains(request.getMethod())) {
            return Optional.of(METHOD + " " + request.getMethod());
        }
        for (String name : new String[] {"Call-ID", "From", "To", "Via"}) {
            if (request.getHeader(name) == null) {
                return Optional.of("no " + name + " header");
            }
        }
        javax.sip.header.ViaHeader via = (javax.sip.header.ViaHeader) request.getHeader("Via");
        if ("z9hG4bK".equals(via.getBranch())) {
            return Optional.of("the Via branch is only the magic cookie z9hG4bK");
        }
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        if (cseq == null) {
            return Optional.of("no CSeq header");
        }
        if (!cseq.getMethod().equals(request.getMethod())) {
            return Optional.of("CSeq method " + cseq.getMethod() + " does not match request method " + request.getMethod());
        }
        URI uri = request.getRequestURI();
        String scheme = uri == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("sip") && !scheme.equals("sips") && !scheme.equals("tel")) {
            return Optional.of(SCHEME + " '" + scheme + "'");
        }
        if (uri instanceof javax.sip.address.SipURI sip && sip.getHeaderNames() != null && sip.getHeaderNames().hasNext()) {
            return Optional.of("the Request-URI carries headers");
        }
        javax.sip.header.ContentTypeHeader type = (javax.sip.header.ContentTypeHeader) request.getHeader("Content-Type");
        byte[] content = request.getRawContent();
        if (content != null && content.length > 0 && type != null && !isKnownBody(request.getMethod(), type)) {
            return Optional.of(CONTENT_TYPE + " " + type.getContentType() + "/" + type.getContentSubType());
        }
        if (Request.INVITE.equals(request.getMethod()) && !acceptsSdp(request)) {
            return Optional.of(NOT_ACCEPTABLE);
        }
        MaxForwardsHeader maxForwards = (MaxForwardsHeader) request.getHeader(MaxForwardsHeader.NAME);
        if (maxForwards != null && maxForwards.getMaxForwards() <= 0 && !Request.OPTIONS.equals(request.getMethod())) {
            return Optional.of(LOOP);
        }
        ContentLengthHeader length = request.getContentLength();
        byte[] body = request.getRawContent();
        int actual = body == null ? 0 : body.length;
        if (length != null && length.getContentLength() != actual) {
            return Optional.of("Content-Length " + length.getContentLength() + " does not match the body (" + actual + " bytes)");
        }
        RequireHeader require = (RequireHeader) request.getHeader(RequireHeader.NAME);
        if (require != null && !Request.ACK.equals(request.getMethod()) && !Request.CANCEL.equals(request.getMethod())) {
            String tag = require.getOptionTag();
            if (!"replaces".equalsIgnoreCase(tag) && !"norefersub".equalsIgnoreCase(tag)) {
                return Optional.of(REQUIRE + " '" + tag + "'");
            }
        }
        return Optional.empty();
    }

    private static boolean isKnownBody(String method, javax.sip.header.ContentTypeHeader type) {
        String full = (type.getContentType() + "/" + type.getContentSubType()).toLowerCase(Locale.ROOT);
        return full.equals("application/sdp") || (Request.NOTIFY.equals(method) && full.equals("message/sipfrag"))
                || Request.INFO.equals(method) || Request.MESSAGE.equals(method);
    }

    private static boolean acceptsSdp(Request request) {
        java.util.ListIterator<?> accepts = request.getHeaders("Accept");
        if (accepts == null || !accepts.hasNext()) {
            return true;
        }
        while (accepts.hasNext()) {
            javax.sip.header.AcceptHeader accept = (javax.sip.header.AcceptHeader) accepts.next();
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
