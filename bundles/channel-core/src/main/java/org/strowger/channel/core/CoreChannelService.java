package org.strowger.channel.core;

import java.util.List;
import java.util.Optional;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.TechnologyName;

/**
 * The channel core's face to the platform: the {@link ChannelService}. Drivers are found through
 * the service registry as they come and go (whiteboard), never looked up by hand.
 */
@Component(service = ChannelService.class)
public final class CoreChannelService implements ChannelService {

    private static final Logger LOG = LoggerFactory.getLogger(CoreChannelService.class);

    private final TechnologyRegistry technologies = new TechnologyRegistry();
    private final String version;
    private final StartupReport startupReport;

    @Activate
    public CoreChannelService(BundleContext context) {
        this(PlatformVersion.of(context.getBundle()), new StartupReport());
    }

    CoreChannelService(String version, StartupReport startupReport) {
        this.version = version;
        this.startupReport = startupReport;
        LOG.info("Strowger {} channel core started", version);
        startupReport.start(() -> LOG.info("Strowger {} running; active channel technologies: {}",
                version, describe(technologies.servingInfos())));
    }

    @Deactivate
    void deactivate() {
        startupReport.stop();
        LOG.info("Strowger {} channel core stopped", version);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addTechnology(ChannelTechnology technology, ServiceReference<ChannelTechnology> reference) {
        Optional<TechnologyInfo> info = describe(technology, reference);
        if (info.isEmpty()) {
            return;
        }
        TechnologyInfo added = info.get();
        switch (technologies.add(technology, added)) {
            case NOW_SERVING -> LOG.info("Channel technology {} available ({} {})",
                    added.name(), added.bundleSymbolicName(), added.bundleVersion());
            case QUEUED_BEHIND_EXISTING -> LOG.warn("Channel technology {} from {} {} is already served by"
                    + " another driver; this one waits and takes over when that one leaves",
                    added.name(), added.bundleSymbolicName(), added.bundleVersion());
            default -> throw new IllegalStateException("unexpected registry change on add");
        }
        startupReport.changed();
    }

    void removeTechnology(ChannelTechnology technology, ServiceReference<ChannelTechnology> reference) {
        Object property = reference.getProperty(ChannelTechnology.TECHNOLOGY_PROPERTY);
        TechnologyName name;
        try {
            name = TechnologyName.of(property instanceof String s ? s : null);
        } catch (IllegalArgumentException rejectedWhenAdded) {
            return;
        }
        switch (technologies.remove(technology, name)) {
            case NO_LONGER_SERVING -> {
                LOG.info("Channel technology {} removed", name);
                technologies.serving(name).ifPresent(next -> LOG.info(
                        "Channel technology {} now served by {} {}", name,
                        next.info().bundleSymbolicName(), next.info().bundleVersion()));
            }
            case REMOVED_FROM_QUEUE, UNKNOWN -> LOG.debug("Standby driver for {} removed", name);
            default -> throw new IllegalStateException("unexpected registry change on remove");
        }
        startupReport.changed();
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

    /** Reads the registration's properties; a registration without a valid name is refused with a log line. */
    private static Optional<TechnologyInfo> describe(ChannelTechnology technology,
            ServiceReference<ChannelTechnology> reference) {
        Bundle bundle = reference.getBundle();
        String bundleName = bundle == null ? "(unregistered)" : bundle.getSymbolicName();
        String bundleVersion = bundle == null ? "" : bundle.getVersion().toString();
        Object property = reference.getProperty(ChannelTechnology.TECHNOLOGY_PROPERTY);
        if (!(property instanceof String name)) {
            LOG.error("Ignoring channel technology service {} from bundle {}: it has no String service"
                    + " property '{}' naming the technology", reference.getProperty("service.id"), bundleName,
                    ChannelTechnology.TECHNOLOGY_PROPERTY);
            return Optional.empty();
        }
        try {
            String description;
            try {
                description = technology.description();
            } catch (RuntimeException e) {
                LOG.warn("Channel technology {} from bundle {} failed to describe itself", name, bundleName, e);
                description = "";
            }
            return Optional.of(new TechnologyInfo(TechnologyName.of(name), description, bundleName, bundleVersion));
        } catch (IllegalArgumentException e) {
            LOG.error("Ignoring channel technology service from bundle {}: {}", bundleName, e.getMessage());
            return Optional.empty();
        }
    }

    private static String describe(List<TechnologyInfo> infos) {
        if (infos.isEmpty()) {
            return "none";
        }
        return String.join(", ", infos.stream().map(info -> info.name().toString()).toList());
    }
}
