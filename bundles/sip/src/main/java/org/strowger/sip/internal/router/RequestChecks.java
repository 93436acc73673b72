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

    static Optional<String> problem(Request request) {
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

    static int statusFor(String problem) {
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
