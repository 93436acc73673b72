package org.strowger.misdn.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.strowger.misdn.internal.config.PortSpec;
import org.strowger.misdn.internal.l3.Layer3;
import org.strowger.misdn.internal.l3.Q931Layer;

/** The one place the driver makes its real Q.931 layer (tests put a stand-in layer in its place). */
final class Q931Layers {

    private Q931Layers() {
    }

    static Layer3 create(PortSpec port, boolean primaryRate, ScheduledExecutorService timers, Layer3.Listener listener,
            Consumer<String> trace) {
        return new Q931Layer(port.role(), primaryRate, port.pointToMultipoint(), timers, listener, trace);
    }
}
