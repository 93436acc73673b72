package org.strowger.channel.frame;

/** Call-progress indications carried by {@link ControlFrame}s. */
public enum Control {
    RINGING, PROGRESS, PROCEEDING, ANSWER, HOLD, UNHOLD, BUSY, CONGESTION, HANGUP
}
