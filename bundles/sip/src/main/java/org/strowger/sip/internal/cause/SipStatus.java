package org.strowger.sip.internal.cause;

import java.util.Map;
import java.util.Objects;

/** A SIP final response status: code and reason phrase, e.g. {@code 486 Busy Here}. */
public record SipStatus(int code, String reasonPhrase) {

    /** The RFC 3261 §21 phrases (RFC 3398 sometimes words them differently) of codes we produce. */
    private static final Map<Integer, String> PHRASES = Map.ofEntries(
            Map.entry(200, "OK"),
            Map.entry(400, "Bad Request"),
            Map.entry(403, "Forbidden"),
            Map.entry(404, "Not Found"),
            Map.entry(408, "Request Timeout"),
            Map.entry(410, "Gone"),
            Map.entry(480, "Temporarily Unavailable"),
            Map.entry(481, "Call/Transaction Does Not Exist"),
            Map.entry(484, "Address Incomplete"),
            Map.entry(486, "Busy Here"),
            Map.entry(487, "Request Terminated"),
            Map.entry(488, "Not Acceptable Here"),
            Map.entry(500, "Server Internal Error"),
            Map.entry(501, "Not Implemented"),
            Map.entry(502, "Bad Gateway"),
            Map.entry(503, "Service Unavailable"),
            Map.entry(504, "Server Time-out"),
            Map.entry(600, "Busy Everywhere"),
            Map.entry(603, "Decline"),
            Map.entry(604, "Does Not Exist Anywhere"),
            Map.entry(606, "Not Acceptable"));

    public SipStatus {
        if (code < 100 || code > 699) {
            throw new IllegalArgumentException("not a SIP status code: " + code);
        }
        Objects.requireNonNull(reasonPhrase, "reasonPhrase");
    }

    /** The status with its standard phrase, or "Unknown" for a code not in our table. */
    public static SipStatus of(int code) {
        return new SipStatus(code, PHRASES.getOrDefault(code, "Unknown"));
    }

    @Override
    public String toString() {
        return code + " " + reasonPhrase;
    }
}
