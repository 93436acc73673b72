package org.strowger.misdn.internal.l3;

/** What happens to a call on the line, reported by layer 3 (card I/O or timer thread, no lock held). */
public interface CallListener {

    /** SETUP ACKNOWLEDGE: the other side wants more digits (outgoing overlap). */
    default void setupAcknowledged() {
    }

    /** CALL PROCEEDING. */
    default void proceeding() {
    }

    /** ALERTING: the called party rings. */
    default void alerting() {
    }

    /** PROGRESS, or ALERTING/CALL PROCEEDING with in-band information: listen to the B-channel. */
    default void progress() {
    }

    /** CONNECT (outgoing) or CONNECT ACKNOWLEDGE (incoming): the call is active. */
    default void connected() {
    }

    /** INFORMATION with more called-number digits (incoming overlap). */
    default void information(String digits) {
    }

    /**
     * The call is over and its call reference free: after DISCONNECT/RELEASE from either side,
     * a timer running out (T303, T305, T308, T310, T313), or the data link lost.
     *
     * @param cause the Q.850 cause (for example 16 normal, 17 busy, 18 no user responding,
     *        102 recovery on timer expiry, 38 network out of order when the link went)
     */
    void released(int cause);
}
