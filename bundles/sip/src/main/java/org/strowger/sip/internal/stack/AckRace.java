package org.strowger.sip.internal.stack;

import java.lang.reflect.Method;

import javax.sip.Dialog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.stack.SIPDialog;

/**
 * Works around a JAIN-SIP race (RestComm/jain-sip#140): a UAS sends its 200, and only then
 * starts the 2xx retransmission timer; an ACK processed in between finds no timer, is not
 * recorded, and the 200 is retransmitted although it was acknowledged (the peer then re-sends
 * its ACK: a needless retransmission under load). When our listener sees an ACK after the 200
 * has gone out and the dialog still says no ACK was seen, we record it the way the stack would
 * have, through its package-private {@code ackReceived(long)}.
 */
public final class AckRace {

    private static final Logger LOG = LoggerFactory.getLogger(AckRace.class);
    private static final Method ACK_RECEIVED = find();

    private AckRace() {
    }

    private static Method find() {
        try {
            Method method = SIPDialog.class.getDeclaredMethod("ackReceived", long.class);
            method.setAccessible(true);
            return method;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.info("JAIN-SIP ACK race workaround unavailable ({}): some 200 OKs may be retransmitted once", e.toString());
            return null;
        }
    }

    /** False when this JAIN-SIP has no {@code ackReceived(long)} to call (the workaround then does nothing). */
    static boolean available() {
        return ACK_RECEIVED != null;
    }

    /** Records an ACK the stack missed; harmless when it did not miss it. */
    public static void recordIfMissed(Dialog dialog, long cseq) {
        if (ACK_RECEIVED == null || !(dialog instanceof SIPDialog sip) || sip.isAckSeen()) {
            return;
        }
        try {
            ACK_RECEIVED.invoke(sip, cseq);
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("could not record a missed ACK: {}", e.toString());
        }
    }
}
