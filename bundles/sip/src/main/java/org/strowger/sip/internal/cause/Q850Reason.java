package org.strowger.sip.internal.cause;

import java.util.List;
import java.util.Optional;
import org.strowger.channel.HangupCause;

/**
 * The {@code Reason} header of RFC 3326 with protocol {@code Q.850}, e.g.
 * {@code Q.850;cause=17;text="USER_BUSY"}: it tells the far side the exact cause, which a SIP
 * status alone cannot (RFC 6432 allows it in responses as well as in BYE and CANCEL).
 */
public final class Q850Reason {

    private static final String PROTOCOL = "Q.850";
    private static final int MAX_CAUSE_DIGITS = 3;

    private Q850Reason() {
    }

    /**
     * The Q.850 cause in a {@code Reason} header value, which may list several reasons
     * ({@code SIP;cause=200, Q.850;cause=16}). A cause value our enum lacks becomes the
     * unspecified cause of its class. Empty when there is no well-formed Q.850 reason with a
     * cause from 1 to 127; never throws, whatever the input.
     */
    public static Optional<HangupCause> parse(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        for (String reason : QuotedAwareSplitter.split(headerValue, ',')) {
            List<String> parts = QuotedAwareSplitter.split(reason, ';');
            if (!parts.get(0).strip().equalsIgnoreCase(PROTOCOL)) {
                continue;
            }
            Optional<HangupCause> cause = causeParameter(parts);
            if (cause.isPresent()) {
                return cause;
            }
        }
        return Optional.empty();
    }

    /** The header value for {@code cause}, with the Asterisk name as text. */
    public static String format(HangupCause cause) {
        // enum names need no escaping inside the quotes
        return PROTOCOL + ";cause=" + cause.code() + ";text=\"" + cause.name() + "\"";
    }

    private static Optional<HangupCause> causeParameter(List<String> parts) {
        for (String param : parts.subList(1, parts.size())) {
            int equals = param.indexOf('=');
            if (equals < 0 || !param.substring(0, equals).strip().equalsIgnoreCase("cause")) {
                continue;
            }
            int code = causeCode(param.substring(equals + 1).strip());
            return code >= 1 && code <= 127 ? Optional.of(HangupCause.fromCodeOrClass(code)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The cause value, or -1 unless it is 1 to 3 ASCII digits. */
    private static int causeCode(String digits) {
        if (digits.isEmpty() || digits.length() > MAX_CAUSE_DIGITS) {
            return -1;
        }
        int code = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            code = code * 10 + (c - '0');
        }
        return code;
    }
}
