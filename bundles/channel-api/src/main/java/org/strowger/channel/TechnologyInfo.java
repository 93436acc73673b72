package org.strowger.channel;

import java.util.Objects;

/**
 * What the core knows about one registered channel technology: its name, the driver's own
 * description, and the bundle that provides it.
 *
 * @param name the technology's name
 * @param description the driver's one-line description
 * @param bundleSymbolicName the providing bundle
 * @param bundleVersion the providing bundle's version
 */
public record TechnologyInfo(TechnologyName name, String description, String bundleSymbolicName,
        String bundleVersion) {

    public TechnologyInfo {
        Objects.requireNonNull(name, "name");
        description = description == null ? "" : description;
        Objects.requireNonNull(bundleSymbolicName, "bundleSymbolicName");
        Objects.requireNonNull(bundleVersion, "bundleVersion");
    }
}
