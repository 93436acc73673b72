package org.strowger.sip.internal.auth;

/** An {@code Authorization} value that is not well-formed Digest credentials; the message says why. */
public class DigestParseException extends Exception {

    private static final long serialVersionUID = 1L;

    public DigestParseException(String message) {
        super(message);
    }
}
