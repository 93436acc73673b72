package org.strowger.misdn.internal.l3;

/**
 * One call on a port's D-channel, in or out. Every method sends at once and returns; what the
 * other side does arrives at the {@link CallListener}. Calls on a call already released do nothing.
 */
public interface Call {

    /** The call reference value (without the flag bit). */
    int callReference();

    /** The B-channel the call uses (1-based), 0 until one is agreed. */
    int bChannel();

    /** Registers the listener of an incoming call (an outgoing call has its listener from setup). */
    void listen(CallListener listener);

    /** SETUP ACKNOWLEDGE: overlap receiving, send more digits (incoming calls). */
    void setupAcknowledge();

    /** CALL PROCEEDING (incoming calls). */
    void proceeding();

    /** ALERTING (incoming calls). */
    void alerting();

    /** PROGRESS with "in-band information available" (early media; incoming calls). */
    void progress();

    /** CONNECT (incoming calls); the call is active once acknowledged. */
    void connect();

    /** INFORMATION with more called-number digits (overlap sending, outgoing calls). */
    void information(String digits);

    /** DISCONNECT with a Q.850 cause; RELEASE and RELEASE COMPLETE follow, with their timers. */
    void disconnect(int cause);

    /** What the layer knows of the call, for the console and logs ("ACTIVE", "CALL_DELIVERED"...). */
    String stateName();
}
