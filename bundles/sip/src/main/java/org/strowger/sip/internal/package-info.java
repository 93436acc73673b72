/**
 * The SIP channel driver, in layers: {@code stack} (JAIN-SIP transports, transactions and
 * dialogs), {@code endpoint} and {@code registrar} (who may talk to us), {@code auth} (digest),
 * {@code session} (INVITE sessions), {@code sdp} and {@code rtp} (media), {@code cause}
 * (Q.850 and SIP status), and {@code channel} (the thin glue to the channel core).
 */
package org.strowger.sip.internal;
