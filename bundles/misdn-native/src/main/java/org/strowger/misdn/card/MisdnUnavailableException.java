package org.strowger.misdn.card;

import java.io.IOException;

/** The kernel has no mISDN (socket(AF_ISDN) failed with EAFNOSUPPORT), or the native library could not load. */
public class MisdnUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    public MisdnUnavailableException(String message) {
        super(message);
    }
}
