package org.strowger.sip.internal.sdp;

/**
 * Offer/answer found no audio stream both sides can use; the SIP layer answers 488 Not
 * Acceptable Here (or hangs up an outbound call whose answer declined our audio).
 */
public class NoCommonCodecException extends Exception {

    private static final long serialVersionUID = 1L;

    public NoCommonCodecException(String message) {
        super(message);
    }
}
