package org.strowger.sip.internal.auth;

/**
 * What recording one authentication failure did.
 *
 * @param justBlocked this failure crossed the limit: the caller logs {@link #warning()} once
 * @param blocked the source is blocked now (just, or already)
 * @param failuresInWindow failures counted in the current window, this one included (0 when
 *        the source was already blocked and nothing was counted)
 * @param warning the line to log at WARN when {@code justBlocked}, otherwise empty
 */
public record FailureOutcome(boolean justBlocked, boolean blocked, int failuresInWindow, String warning) {

    static FailureOutcome counted(int failuresInWindow) {
        return new FailureOutcome(false, false, failuresInWindow, "");
    }

    static FailureOutcome nowBlocked(int failuresInWindow, String warning) {
        return new FailureOutcome(true, true, failuresInWindow, warning);
    }

    static FailureOutcome alreadyBlocked() {
        return new FailureOutcome(false, true, 0, "");
    }
}
