package org.strowger.sip.internal.session;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.sip.header.ContentTypeHeader;
import javax.sip.message.Message;

import org.strowger.sip.internal.sdp.SdpException;
import org.strowger.sip.internal.sdp.SessionDescription;

/** The SDP body of a message, if it carries one. */
final class SdpBodies {

    private SdpBodies() {
    }

    /** Empty when there is no application/sdp body; a body that is not valid SDP throws. */
    static Optional<SessionDescription> parse(Message message) throws SdpException {
        byte[] body = message.getRawContent();
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        if (body == null || body.length == 0 || type == null) {
            return Optional.empty();
        }
        if (!"application".equalsIgnoreCase(type.getContentType()) || !"sdp".equalsIgnoreCase(type.getContentSubType())) {
            return Optional.empty();
        }
        return Optional.of(SessionDescription.parse(new String(body, StandardCharsets.UTF_8)));
    }

    /** Like {@link #parse} but a broken body reads as none (used where the peer already committed). */
    static Optional<SessionDescription> of(Message message) {
        try {
            return parse(message);
        } catch (SdpException e) {
            return Optional.empty();
        }
    }
}
