package org.strowger.misdn;

import java.util.List;
import java.util.Objects;

/**
 * One configured ISDN port as the console shows it.
 *
 * @param port the port number users dial with ({@code mISDN/1/...}), 1-based
 * @param name the card's name for the port ({@code sim.1}, {@code hfc-4s.1-2})
 * @param role {@code TE} (we are the terminal, the line goes to a network) or {@code NT} (we are the network)
 * @param pointToMultipoint several terminals on the bus (TEI 127) rather than one (TEI 0)
 * @param layer1Up the line is active
 * @param layer2Up the data link (LAPD) is established
 * @param bChannels B-channels of the port: 2 on BRI, 30 on PRI
 * @param bChannelsInUse B-channels held by calls now
 * @param groups the dial groups ({@code mISDN/g:<group>/...}) the port belongs to
 * @param context the dialplan context of calls arriving on the port
 */
public record PortStatus(int port, String name, String role, boolean pointToMultipoint, boolean layer1Up,
        boolean layer2Up, int bChannels, int bChannelsInUse, List<String> groups, String context) {

    public PortStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(context, "context");
        groups = List.copyOf(groups);
    }
}
