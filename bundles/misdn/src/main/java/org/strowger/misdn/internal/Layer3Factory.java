package org.strowger.misdn.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.strowger.misdn.internal.config.PortSpec;
import org.strowger.misdn.internal.l3.Layer3;

/** Makes the Q.931 layer of one port (tests give a fake). */
@FunctionalInterface
public interface Layer3Factory {

    /**
     * @param port the port's configuration (role, point-to-multipoint)
     * @param primaryRate an E1 port (two-byte call references, 30 B-channels)
     * @param timers where the layer runs its timers
     * @param listener the driver, told of incoming calls and link changes
     * @param trace takes one line per Q.931 message when the port is traced
     */
    Layer3 create(PortSpec port, boolean primaryRate, ScheduledExecutorService timers, Layer3.Listener listener,
            Consumer<String> trace);
}
