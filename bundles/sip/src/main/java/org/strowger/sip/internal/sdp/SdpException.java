package org.strowger.sip.internal.sdp;

/** An SDP body that cannot be read; the message names the offending line. */
public class SdpException extends Exception {

    private static final long serialVersionUID = 1L;

    public SdpException(String message) {
        super(message);
    }
}
