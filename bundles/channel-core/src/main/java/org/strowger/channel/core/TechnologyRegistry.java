package org.strowger.channel.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.TechnologyName;

/**
 * The channel technologies that drivers have registered. One name may be offered by several
 * services (an old and a new driver during an update); the first one offered serves, the others
 * wait in line and take over when it leaves.
 */
final class TechnologyRegistry {

    /** What happened to the set of serving technologies after a change. */
    enum Change { NOW_SERVING, QUEUED_BEHIND_EXISTING, NO_LONGER_SERVING, REMOVED_FROM_QUEUE, UNKNOWN }

    /**
     * One service offering a technology, identified by a key (its service reference). The
     * service object itself is fetched on first use, not when it is registered: a driver that
     * needs the channel service may not be activated while the core is being activated.
     */
    static final class Registration {
        private final Object key;
        private final TechnologyName name;
        private final String bundleSymbolicName;
        private final String bundleVersion;
        private final Supplier<ChannelTechnology> source;
        private volatile ChannelTechnology technology;
        private volatile TechnologyInfo info;

        Registration(Object key, TechnologyName name, String bundleSymbolicName, String bundleVersion,
                Supplier<ChannelTechnology> source) {
            this.key = key;
            this.name = name;
            this.bundleSymbolicName = bundleSymbolicName;
            this.bundleVersion = bundleVersion;
            this.source = source;
        }

        Object key() {
            return key;
        }

        TechnologyName name() {
            return name;
        }

        String bundleSymbolicName() {
            return bundleSymbolicName;
        }

        String bundleVersion() {
            return bundleVersion;
        }

        ChannelTechnology technology() {
            ChannelTechnology resolved = technology;
            if (resolved == null) {
                synchronized (this) {
                    if (technology == null) {
                        technology = source.get();
                    }
                    resolved = technology;
                }
            }
            return resolved;
        }

        /** The info with the driver's own description, asked for on first use. */
        TechnologyInfo info() {
            TechnologyInfo known = info;
            if (known == null) {
                String description;
                try {
                    ChannelTechnology resolved = technology();
                    description = resolved == null ? "" : resolved.description();
                } catch (RuntimeException e) {
                    description = "";
                }
                known = new TechnologyInfo(name, description, bundleSymbolicName, bundleVersion);
                info = known;
            }
            return known;
        }
    }

    private final Map<TechnologyName, List<Registration>> byName = new LinkedHashMap<>();

    /** Adds a technology object known now (tests, embedding): it is its own key. */
    synchronized Change add(ChannelTechnology technology, TechnologyInfo info) {
        return add(new Registration(technology, info.name(), info.bundleSymbolicName(), info.bundleVersion(),
                () -> technology));
    }

    synchronized Change add(Registration registration) {
        List<Registration> line = byName.computeIfAbsent(registration.name(), n -> new ArrayList<>());
        line.add(registration);
        return line.size() == 1 ? Change.NOW_SERVING : Change.QUEUED_BEHIND_EXISTING;
    }

    /** What a removal changed, and the registration removed (null when unknown). */
    record Removal(Change change, Registration removed) {
    }

    /** Removes the registration with this key (its service reference, or the technology object itself). */
    synchronized Removal remove(Object key, TechnologyName name) {
        List<Registration> line = byName.get(name);
        if (line == null) {
            return new Removal(Change.UNKNOWN, null);
        }
        for (int i = 0; i < line.size(); i++) {
            Registration registration = line.get(i);
            if (registration.key() == key) {
                line.remove(i);
                if (line.isEmpty()) {
                    byName.remove(name);
                }
                return new Removal(i == 0 ? Change.NO_LONGER_SERVING : Change.REMOVED_FROM_QUEUE, registration);
            }
        }
        return new Removal(Change.UNKNOWN, null);
    }

    /** The registration serving this name, if any. */
    synchronized Optional<Registration> serving(TechnologyName name) {
        List<Registration> line = byName.get(name);
        return line == null ? Optional.empty() : Optional.of(line.get(0));
    }

    /** The serving technologies, sorted by name. */
    List<TechnologyInfo> servingInfos() {
        List<Registration> serving;
        synchronized (this) {
            serving = byName.values().stream().map(line -> line.get(0)).toList();
        }
        // outside the monitor: asking a driver for its description may activate it
        return serving.stream().map(Registration::info).sorted(Comparator.comparing(TechnologyInfo::name)).toList();
    }
}
