package org.strowger.misdn.internal.config;

import java.util.List;
import java.util.Objects;

import org.strowger.misdn.card.PortRole;

/**
 * One configured port.
 *
 * @param port the port number users dial with, 1-based (card device id + 1)
 * @param role which side of the D-channel we play
 * @param pointToMultipoint TEI 127 rather than TEI 0
 * @param groups the dial groups the port belongs to, in configured order
 * @param context the dialplan context of calls arriving on the port
 */
public record PortSpec(int port, PortRole role, boolean pointToMultipoint, List<String> groups, String context) {

    public PortSpec {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(context, "context");
        groups = List.copyOf(groups);
    }

    /** The card's device id (0-based). */
    public int deviceId() {
        return port - 1;
    }
}
