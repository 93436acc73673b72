package org.strowger.transfer;

/**
 * How a transfer, a park or a pickup ended, in terms a driver can report: each value names the
 * SIP status a REFER's final NOTIFY (message/sipfrag) carries for it.
 */
public enum TransferResult {

    /** Done: the parties are where they were asked to go. SIP {@code 200 OK}. */
    COMPLETED(200),

    /** No such extension to transfer to. SIP {@code 404 Not Found}. */
    NO_SUCH_EXTENSION(404),

    /**
     * The call to transfer, replace or pick up does not exist (or is no longer bridged). SIP
     * {@code 481 Call/Transaction Does Not Exist}.
     */
    NO_SUCH_CALL(481),

    /**
     * It could not be done now: a party hung up meanwhile, is already being moved by another
     * transfer or masquerade, or the parking lot is full. SIP {@code 486 Busy Here}.
     */
    BUSY(486),

    /** Nothing can take the call (no dialplan running, the service is stopping). SIP {@code 503 Service Unavailable}. */
    UNAVAILABLE(503);

    private final int sipStatus;

    TransferResult(int sipStatus) {
        this.sipStatus = sipStatus;
    }

    /** The SIP status code that reports this result (RFC 3515 NOTIFY body). */
    public int sipStatus() {
        return sipStatus;
    }
}
