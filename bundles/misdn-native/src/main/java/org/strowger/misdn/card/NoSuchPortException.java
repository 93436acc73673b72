package org.strowger.misdn.card;

import java.io.IOException;

/** No port with that id (ENODEV). */
public class NoSuchPortException extends IOException {

    private static final long serialVersionUID = 1L;

    public NoSuchPortException(String message) {
        super(message);
    }
}
