package org.strowger.misdn.card.internal;

import java.io.IOException;

import org.strowger.misdn.card.MisdnUnavailableException;
import org.strowger.misdn.card.NoSuchPortException;
import org.strowger.misdn.card.PortBusyException;

/** Turns the bridge's -errno results into the exceptions of the card API (docs/misdn.md section 4). */
final class Errors {

    private Errors() {
    }

    /**
     * Returns {@code result} when it is {@code >= 0}, else throws what the errno means.
     *
     * @param what what was attempted, for the message ("bind port 1 (sim.2) as NT")
     */
    static int check(int result, String what) throws IOException {
        if (result >= 0) {
            return result;
        }
        throw exception(-result, what);
    }

    static IOException exception(int errno, String what) {
        String detail = what + ": " + Native.strerror(errno) + " (errno " + errno + ")";
        switch (errno) {
            case MiAbi.EAFNOSUPPORT:
                return new MisdnUnavailableException("mISDN unavailable (EAFNOSUPPORT): " + what
                        + ": the kernel has no mISDN (load mISDN_core, or use a kernel <= 7.0 or the mod-orphan modules)");
            case MiAbi.ENODEV:
                return new NoSuchPortException(detail);
            case MiAbi.EBUSY:
            case MiAbi.EPROTONOSUPPORT:
            case MiAbi.ESOCKTNOSUPPORT:
            case 92: // ENOPROTOOPT
                return new PortBusyException(detail);
            case MiAbi.EINVAL:
                throw new IllegalArgumentException(detail);
            default:
                return new IOException(detail);
        }
    }
}
