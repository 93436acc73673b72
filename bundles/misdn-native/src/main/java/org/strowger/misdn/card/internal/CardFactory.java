package org.strowger.misdn.card.internal;

import java.io.IOException;
import java.time.Duration;

import org.strowger.misdn.card.Card;
import org.strowger.misdn.card.MisdnUnavailableException;
import org.strowger.misdn.card.SimulatedCard;

/** What {@link org.strowger.misdn.card.Cards} delegates to. */
public final class CardFactory {

    private CardFactory() {
    }

    public static Card hardware() throws IOException {
        Native.load();
        int fd = Native.open(MiAbi.SOCK_RAW, MiAbi.PROTO_BASE);
        if (fd == -MiAbi.EAFNOSUPPORT) {
            throw new MisdnUnavailableException("mISDN unavailable (EAFNOSUPPORT): socket(AF_ISDN) is refused, the "
                    + "kernel has no mISDN; load mISDN_core and a card driver (kernel <= 7.0 or the mod-orphan modules)");
        }
        Errors.check(fd, "open the mISDN base socket");
        byte[] version = new byte[4];
        int r = Native.ioctl(fd, MiAbi.IMGETVERSION, version);
        Native.close(fd);
        Errors.check(r, "IMGETVERSION");
        if (version[0] != 1) {
            throw new MisdnUnavailableException("mISDN unavailable: the kernel speaks ABI " + version[0] + "."
                    + version[1] + ", this bridge 1.x");
        }
        return new NativeCard(0, "kernel");
    }

    public static SimulatedCard simulated(int pairs, boolean primaryRate, Duration tick) throws IOException {
        if (pairs < 1 || pairs > 32) {
            throw new IllegalArgumentException("a simulated card has 1..32 pairs of ports, not " + pairs);
        }
        long us = tick.toNanos() / 1000;
        if (us < 1000 || us > 1_000_000) {
            throw new IllegalArgumentException("the simulated line ticks every 1 ms .. 1 s, not " + tick);
        }
        Native.load();
        long sim = Native.simCreate(pairs, primaryRate, (int) us);
        if (sim < 0 && sim > -4096) {
            throw Errors.exception((int) -sim, "create the simulated card");
        }
        return new SimCard(sim);
    }
}
