package org.strowger.transfer.internal;

/** A move the channel core refused (a party hung up, or is already being moved). */
public final class MoveRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    public MoveRefusedException(String message) {
        super(message);
    }
}
