package org.strowger.channel;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * What the rest of the platform (dialplan, transfer, console) may ask of the channel core.
 * Provided by the core only.
 */
@ProviderType
public interface ChannelService {

    /** The Strowger release this core belongs to, as built (for example {@code 0.1.0}). */
    String platformVersion();

    /** The channel technologies registered right now, sorted by name. */
    List<TechnologyInfo> technologies();

    /** The technology registered under this name (case-insensitive), if any. */
    Optional<TechnologyInfo> technology(String name);
}
