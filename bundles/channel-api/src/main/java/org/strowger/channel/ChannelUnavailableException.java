package org.strowger.channel;

/** A channel could not be made or called; the cause says why, in Q.850 terms. */
public class ChannelUnavailableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final HangupCause cause;

    public ChannelUnavailableException(HangupCause cause, String message) {
        super(message + " (" + cause + ")");
        this.cause = cause;
    }

    /** The Q.850 cause: for example CHAN_NOT_IMPLEMENTED for an unknown technology. */
    public HangupCause hangupCause() {
        return cause;
    }
}
