package org.strowger.sip.internal.registrar;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a REGISTER asks, taken out of the SIP message.
 *
 * @param wildcard {@code Contact: *} (remove every binding; only with {@code Expires: 0})
 * @param expires  the Expires header, if present
 */
public record RegisterRequest(List<ContactUpdate> contacts, boolean wildcard, OptionalInt expires, String callId,
        long cseq, String source, String userAgent) {

    public RegisterRequest {
        contacts = List.copyOf(contacts);
    }
}
