package org.strowger.channel.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /** One service offering a technology; compared by identity, as channels remember which one made them. */
    static final class Registration {
        private final ChannelTechnology technology;
        private final TechnologyInfo info;

        Registration(ChannelTechnology technology, TechnologyInfo info) {
            this.technology = technology;
            this.info = info;
        }

        ChannelTechnology technology() {
            return technology;
        }

        TechnologyInfo info() {
            return info;
        }
    }

    private final Map<TechnologyName, List<Registration>> byName = new LinkedHashMap<>();

    synchronized Change add(ChannelTechnology technology, TechnologyInfo info) {
        List<Registration> line = byName.computeIfAbsent(info.name(), n -> new ArrayList<>());
        line.add(new Registration(technology, info));
        return line.size() == 1 ? Change.NOW_SERVING : Change.QUEUED_BEHIND_EXISTING;
    }

    /** What a removal changed, and the registration removed (null when unknown). */
    record Removal(Change change, Registration removed) {
    }

    /** Removes the registration of this service object. */
    synchronized Removal remove(ChannelTechnology technology, TechnologyName name) {
        List<Registration> line = byName.get(name);
        if (line == null) {
            return new Removal(Change.UNKNOWN, null);
        }
        for (int i = 0; i < line.size(); i++) {
            Registration registration = line.get(i);
            if (registration.technology() == technology) {
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
    synchronized List<TechnologyInfo> servingInfos() {
        return byName.values().stream()
                .map(line -> line.get(0).info())
                .sorted(Comparator.comparing(TechnologyInfo::name))
                .toList();
    }
}
