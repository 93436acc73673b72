package org.strowger.misdn.internal.q931;

/** An information element's contents break its coding rules; the codec turns it into cause 100. */
public final class InvalidIeException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidIeException(int id, String what) {
        super(Ies.name(id) + ": " + what);
    }
}
