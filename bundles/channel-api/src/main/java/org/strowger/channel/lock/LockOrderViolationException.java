package org.strowger.channel.lock;

/**
 * A lock was taken against the platform's lock order (or closed a cycle between lock classes).
 * Thrown when the validator is strict (tests); in production the validator logs instead.
 */
public class LockOrderViolationException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public LockOrderViolationException(String message, Throwable earlierAcquisition) {
        super(message, earlierAcquisition);
    }
}
