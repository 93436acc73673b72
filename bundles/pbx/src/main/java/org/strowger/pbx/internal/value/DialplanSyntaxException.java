package org.strowger.pbx.internal.value;

/** Dialplan text that cannot be compiled; the message says what was expected and where (column). */
public class DialplanSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int column;

    public DialplanSyntaxException(String message, int column) {
        super(message + " (at column " + (column + 1) + ")");
        this.column = column;
    }

    /** Zero-based position in the text where the problem is. */
    public int column() {
        return column;
    }
}
