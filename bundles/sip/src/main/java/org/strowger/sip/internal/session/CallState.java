package org.strowger.sip.internal.session;

/** Where an INVITE session stands. */
enum CallState {
    /** Inbound INVITE received, no final response yet. */
    OFFERED,
    /** Outbound INVITE sent, no final response yet. */
    CALLING,
    /** 200 sent or received: media flows. */
    UP,
    /** Over: BYE, CANCEL or a final failure; nothing more is sent. */
    ENDED
}
