package org.strowger.channel.core;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentServiceObjects;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.CallStatistics;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.channel.InboundCall;
import org.strowger.channel.InboundCallHandler;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.bridge.BridgeHook;
import org.strowger.channel.bridge.HangupPolicy;
import org.strowger.channel.core.lock.LockOrderValidator;
import org.strowger.channel.event.ChannelListener;
import org.strowger.channel.lock.ChannelLock;
import org.strowger.channel.lock.LockRank;
import org.strowger.channel.lock.LockStatistics;

/**
 * The channel core's face to the platform: the {@link ChannelService}. Drivers, channel
 * listeners and bridge hooks are found through the service registry as they come and go
 * (whiteboard), never looked up by hand.
 */
@Component(service = ChannelService.class, configurationPid = CoreChannelService.PID, immediate = true)
@Designate(ocd = ChannelCoreConfig.class)
public final class CoreChannelService implements ChannelService {

    static final String PID = "org.strowger.channel.core";
    static final String STRICT_PROPERTY = "strowger.locks.strict";
    private static final Logger LOG = LoggerFactory.getLogger(CoreChannelService.class);

    private final TechnologyRegistry technologies = new TechnologyRegistry();
    private final String version;
    private final StartupReport startupReport;
    private final ChannelCore core;
    private final LazyBindings<ChannelListener> listeners = new LazyBindings<>();
    private final LazyBindings<InboundCallHandler> inboundHandlers = new LazyBindings<>();
    private final LazyBindings<BridgeHook> bridgeHooks = new LazyBindings<>();

    @Activate
    public CoreChannelService(BundleContext context, ChannelCoreConfig config) {
        this(PlatformVersion.of(context.getBundle()), new StartupReport(),
                config.strictLockOrder() || Boolean.getBoolean(STRICT_PROPERTY));
    }

    CoreChannelService(String version, StartupReport startupReport, boolean strictLockOrder) {
        this.version = version;
        this.startupReport = startupReport;
        this.core = new ChannelCore(new LockOrderValidator(strictLockOrder), technologies);
        LOG.info("Strowger {} channel core started (lock-order validator {})", version,
                strictLockOrder ? "strict: violations throw" : "logging violations");
        startupReport.start(() -> LOG.info("Strowger {} running; active channel technologies: {}",
                version, describe(technologies.servingInfos())));
    }

    @Deactivate
    void deactivate() {
        startupReport.stop();
        core.stop();
        LOG.info("Strowger {} channel core stopped", version);
    }

    /** The engine, for tests in this package. */
    ChannelCore core() {
        return core;
    }

    TechnologyRegistry technologiesForEmbedding() {
        return technologies;
    }

    /*
     * Drivers, handlers, listeners and hooks are bound by reference and fetched on first use:
     * most of them need the channel service, and fetching them while this component activates
     * would be a circular activation that SCR refuses.
     */

    @Reference(service = ChannelTechnology.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeTechnology")
    void addTechnology(ComponentServiceObjects<ChannelTechnology> objects, ServiceReference<ChannelTechnology> reference) {
        registerTechnology(reference, new Lazy<>(objects::getService));
    }

    void removeTechnology(ComponentServiceObjects<ChannelTechnology> objects,
            ServiceReference<ChannelTechnology> reference) {
        unregisterTechnology(reference);
    }

    /** For tests: a technology object known now, registered under a reference. */
    void addTechnologyForTest(ChannelTechnology technology, ServiceReference<ChannelTechnology> reference) {
        registerTechnology(reference, () -> technology);
    }

    private void registerTechnology(ServiceReference<ChannelTechnology> reference, Supplier<ChannelTechnology> source) {
        Bundle bundle = reference.getBundle();
        String bundleName = bundle == null ? "(unregistered)" : bundle.getSymbolicName();
        String bundleVersion = bundle == null ? "" : bundle.getVersion().toString();
        Object property = reference.getProperty(ChannelTechnology.TECHNOLOGY_PROPERTY);
        if (!(property instanceof String text)) {
            LOG.error("Ignoring channel technology service {} from bundle {}: it has no String service"
                    + " property '{}' naming the technology", reference.getProperty("service.id"), bundleName,
                    ChannelTechnology.TECHNOLOGY_PROPERTY);
            return;
        }
        TechnologyName name;
        try {
            name = TechnologyName.of(text);
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring channel technology service from bundle {}: {}", bundleName, e.getMessage());
            return;
        }
        switch (technologies.add(new TechnologyRegistry.Registration(reference, name, bundleName, bundleVersion,
                source))) {
            case NOW_SERVING -> LOG.info("Channel technology {} available ({} {})", name, bundleName, bundleVersion);
            case QUEUED_BEHIND_EXISTING -> LOG.warn("Channel technology {} from {} {} is already served by"
                    + " another driver; this one waits and takes over when that one leaves",
                    name, bundleName, bundleVersion);
            default -> throw new IllegalStateException("unexpected registry change on add");
        }
        startupReport.changed();
    }

    void unregisterTechnology(ServiceReference<ChannelTechnology> reference) {
        Object property = reference.getProperty(ChannelTechnology.TECHNOLOGY_PROPERTY);
        TechnologyName name;
        try {
            name = TechnologyName.of(property instanceof String s ? s : null);
        } catch (IllegalArgumentException rejectedWhenAdded) {
            return;
        }
        TechnologyRegistry.Removal removal = technologies.remove(reference, name);
        switch (removal.change()) {
            case NO_LONGER_SERVING -> {
                LOG.info("Channel technology {} removed", name);
                technologies.serving(name).ifPresent(next -> LOG.info(
                        "Channel technology {} now served by {} {}", name,
                        next.bundleSymbolicName(), next.bundleVersion()));
            }
            case REMOVED_FROM_QUEUE, UNKNOWN -> LOG.debug("Standby driver for {} removed", name);
            default -> throw new IllegalStateException("unexpected registry change on remove");
        }
        if (removal.removed() != null) {
            int hungUp = core.hangupChannelsOf(removal.removed(), HangupCause.NETWORK_OUT_OF_ORDER);
            if (hungUp > 0) {
                LOG.warn("Hung up {} channel(s) of departed channel technology {} with cause {}", hungUp, name,
                        HangupCause.NETWORK_OUT_OF_ORDER);
            }
        }
        startupReport.changed();
    }

    @Reference(service = ChannelListener.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeListener")
    void addListener(ComponentServiceObjects<ChannelListener> objects) {
        core.addListener(listeners.bind(objects, lazy -> event -> lazy.get().onEvent(event)));
    }

    void removeListener(ComponentServiceObjects<ChannelListener> objects) {
        ChannelListener listener = listeners.unbind(objects);
        if (listener != null) {
            core.removeListener(listener);
        }
    }

    @Reference(service = InboundCallHandler.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeInboundHandler")
    void addInboundHandler(ComponentServiceObjects<InboundCallHandler> objects) {
        core.addInboundHandler(inboundHandlers.bind(objects, lazy -> channel -> lazy.get().inboundCall(channel)));
    }

    void removeInboundHandler(ComponentServiceObjects<InboundCallHandler> objects) {
        InboundCallHandler handler = inboundHandlers.unbind(objects);
        if (handler != null) {
            core.removeInboundHandler(handler);
        }
    }

    @Reference(service = BridgeHook.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removeBridgeHook")
    void addBridgeHook(ComponentServiceObjects<BridgeHook> objects) {
        core.addBridgeHook(bridgeHooks.bind(objects, lazy -> (bridge, from, digit) -> lazy.get().onDigit(bridge, from,
                digit)));
    }

    void removeBridgeHook(ComponentServiceObjects<BridgeHook> objects) {
        BridgeHook hook = bridgeHooks.unbind(objects);
        if (hook != null) {
            core.removeBridgeHook(hook);
        }
    }

    @Override
    public String platformVersion() {
        return version;
    }

    @Override
    public List<TechnologyInfo> technologies() {
        return technologies.servingInfos();
    }

    @Override
    public Optional<TechnologyInfo> technology(String name) {
        try {
            return technologies.serving(TechnologyName.of(name)).map(TechnologyRegistry.Registration::info);
        } catch (IllegalArgumentException notAName) {
            return Optional.empty();
        }
    }

    @Override
    public Channel request(String dialString) throws ChannelUnavailableException {
        return core.request(dialString);
    }

    @Override
    public Channel createInbound(InboundCall call, Function<ChannelLink, DriverSide> driverSide)
            throws ChannelUnavailableException {
        return core.createInbound(call, driverSide);
    }

    @Override
    public Optional<Channel> findByName(String name) {
        return core.findByName(name);
    }

    @Override
    public Optional<Channel> findByUniqueId(String uniqueId) {
        return core.findByUniqueId(uniqueId);
    }

    @Override
    public List<Channel> channels() {
        return core.channels();
    }

    @Override
    public int channelCount() {
        return core.channelCount();
    }

    @Override
    public void hangup(Channel channel, HangupCause cause) {
        core.hangup(channel, cause);
    }

    @Override
    public void masquerade(Channel original, Channel clone) {
        core.masquerade(original, clone);
    }

    @Override
    public void changeName(Channel channel, String newName) {
        core.changeName(channel, newName);
    }

    @Override
    public Bridge bridge(Channel first, Channel second, HangupPolicy policy) {
        return core.bridge(first, second, policy);
    }

    @Override
    public ChannelLock newPvtLock(TechnologyName technology) {
        return core.validator.newLock("PVT:" + technology, LockRank.PVT);
    }

    @Override
    public LockStatistics lockStatistics() {
        return core.validator.statistics();
    }

    @Override
    public CallStatistics callStatistics() {
        return core.callStatistics();
    }

    private static String describe(List<TechnologyInfo> infos) {
        if (infos.isEmpty()) {
            return "none";
        }
        return String.join(", ", infos.stream().map(info -> info.name().toString()).toList());
    }
}
