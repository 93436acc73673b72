package org.strowger.pbx.internal.config;

/** A dialplan line that cannot be understood; the message becomes the line's error. */
final class LineSyntaxException extends Exception {

    private static final long serialVersionUID = 1L;

    LineSyntaxException(String message) {
        super(message, null, false, false);
    }
}
