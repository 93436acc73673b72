package org.strowger.channel.core;

import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.InboundCallHandler;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.bridge.BridgeHook;

/**
 * The channel core without OSGi, for other modules' unit tests and for benchmarks: the same
 * engine the DS component runs, with technologies and handlers added by hand. Not exported: in
 * the container, use the {@link ChannelService} service.
 */
public final class EmbeddedChannelCore implements AutoCloseable {

    private final CoreChannelService service;

    /** @param strictLockOrder whether lock-order violations throw (tests) or are logged */
    public EmbeddedChannelCore(boolean strictLockOrder) {
        this.service = new CoreChannelService("embedded", new StartupReport(Long.MAX_VALUE / 4), strictLockOrder);
    }

    public ChannelService service() {
        return service;
    }

    public void addTechnology(String name, ChannelTechnology technology) {
        service.technologiesForEmbedding().add(technology,
                new TechnologyInfo(TechnologyName.of(name), technology.description(), "embedded", "0"));
    }

    public void addInboundHandler(InboundCallHandler handler) {
        service.core().addInboundHandler(handler);
    }

    public void addBridgeHook(BridgeHook hook) {
        service.core().addBridgeHook(hook);
    }

    /** Problems with the container's invariants right now (empty when all is well). */
    public java.util.List<String> invariantViolations() {
        return service.core().invariantViolations();
    }

    @Override
    public void close() {
        service.deactivate();
    }
}
