package org.strowger.misdn.internal;

import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

import org.strowger.misdn.internal.config.PortSpec;
import org.strowger.misdn.internal.l3.Layer3;

/**
 * The one place the driver makes its real Q.931 layer. When {@code Q931Layer} is merged the body
 * becomes:
 *
 * <pre>{@code
 * return new Q931Layer(port.role(), primaryRate, port.pointToMultipoint(), timers, listener, trace);
 * }</pre>
 */
final class Q931Layers {

    private Q931Layers() {
    }

    static Layer3 create(PortSpec port, boolean primaryRate, ScheduledExecutorService timers, Layer3.Listener listener,
            Consumer<String> trace) {
        // TODO(merge): return new org.strowger.misdn.internal.l3.Q931Layer(port.role(), primaryRate,
        //         port.pointToMultipoint(), timers, listener, trace);
        throw new UnsupportedOperationException("the Q.931 layer (Q931Layer) is not merged into this build yet");
    }
}
