package org.strowger.misdn.card.internal;

import java.io.IOException;
import java.time.Duration;

import org.strowger.misdn.card.PortInfo;
import org.strowger.misdn.card.SimulatedCard;

/** The simulated card of the native library: the bridge's card plus the simulator's faults. */
final class SimCard extends NativeCard implements SimulatedCard {

    SimCard(long sim) throws IOException {
        super(sim, "sim");
    }

    @Override
    public void unplug(int port) {
        fault(MiAbi.FAULT_UNPLUG, port, 0, 0, "unplug");
    }

    @Override
    public void replug(int port) {
        fault(MiAbi.FAULT_REPLUG, port, 0, 0, "replug");
    }

    @Override
    public void dropDFrames(int port, int count) {
        fault(MiAbi.FAULT_DROP_D, port, Math.max(0, count), 0, "drop D frames");
    }

    @Override
    public void delayDFrames(int port, Duration delay) {
        long ms = delay.toMillis();
        if (ms < 0 || ms > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a D-frame delay is 0.." + Integer.MAX_VALUE + " ms, not " + delay);
        }
        fault(MiAbi.FAULT_DELAY_D, port, (int) ms, 0, "delay D frames");
    }

    @Override
    public void overrunB(int port, int channel, int count) {
        PortInfo info;
        try {
            info = port(port);
        } catch (IOException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        fault(MiAbi.FAULT_OVERRUN_B, port, timeslot(info, channel), Math.max(0, count), "overrun B");
    }

    private void fault(int fault, int port, int a, int b, String what) {
        ensureOpen();
        int r = Native.simFault(sim, fault, port, a, b);
        if (r < 0) {
            throw new IllegalArgumentException(what + " on simulated port " + port + ": " + Native.strerror(-r));
        }
    }
}
