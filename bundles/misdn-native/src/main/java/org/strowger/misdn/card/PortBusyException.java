package org.strowger.misdn.card;

import java.io.IOException;

/** The port or channel is in use, or does not offer that role (EBUSY). */
public class PortBusyException extends IOException {

    private static final long serialVersionUID = 1L;

    public PortBusyException(String message) {
        super(message);
    }
}
