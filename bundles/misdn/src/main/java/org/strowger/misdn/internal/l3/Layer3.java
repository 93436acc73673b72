package org.strowger.misdn.internal.l3;

import org.strowger.misdn.card.DChannel;

/**
 * The Q.931 calls of one port's D-channel. The implementation is the D-channel's listener
 * ({@link #attach} gives it the channel to send on); it runs every call's state machine and
 * timers and reports to the driver through {@link Listener} and each call's {@link CallListener},
 * in the card's I/O thread or its timer thread, with no lock held (the driver may call back).
 */
public interface Layer3 extends DChannel.Listener {

    /** The D-channel this layer sends on; called once, right after the card opened it. */
    void attach(DChannel channel);

    /**
     * Places a call: SETUP with the called number (en-bloc, with Sending complete, when
     * {@code request.sendingComplete()}; else overlap: more digits follow by {@link Call#information}).
     * The data link is established first if it is not up. Returns at once.
     */
    Call setup(CallRequest request, CallListener listener);

    /** The link's state, for the console. */
    LinkState state();

    /** Clears every call (RELEASE COMPLETE cause 41 towards the line is not sent: the link is going) and stops timers. */
    void close();

    /** What a port's layer 3 tells the driver besides the calls it places. */
    interface Listener {

        /**
         * A SETUP arrived. The driver answers with {@link Call#proceeding}, {@link Call#alerting},
         * {@link Call#connect} or {@link Call#disconnect}, and registers for what follows with
         * {@link Call#listen}.
         */
        void incoming(Call call, IncomingSetup setup);

        /** Layer 1 or 2 changed (console, and the driver hangs up calls whose link went). */
        void linkChanged(LinkState state);
    }
}
