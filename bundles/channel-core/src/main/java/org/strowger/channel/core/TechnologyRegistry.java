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

    record Registration(ChannelTechnology technology, TechnologyInfo info) {
    }

    private final Map<TechnologyName, List<Registration>> byName = new LinkedHashMap<>();

    synchronized Change add(ChannelTechnology technology, TechnologyInfo info) {
        List<Registration> line = byName.computeIfAbsent(info.name(), n -> new ArrayList<>());
        line.add(new Registration(technology, info));
        return line.size() == 1 ? Change.NOW_SERVING : Change.QUEUED_BEHIND_EXISTING;
    }

    /** Removes the registration of this service object; returns what the removal changed. */
    synchronized Change remove(ChannelTechnology technology, TechnologyName name) {
        List<Registration> line = byName.get(name);
        if (line == null) {
            return Change.UNKNOWN;
        }
        for (int i = 0; i < line.size(); i++) {
            if (line.get(i).technology() == technology) {
                line.remove(i);
                if (line.isEmpty()) {
                    byName.remove(name);
                }
                return i == 0 ? Change.NO_LONGER_SERVING : Change.REMOVED_FROM_QUEUE;
            }
        }
        return Change.UNKNOWN;
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
