package org.strowger.sip.internal.sdp;

import java.util.Objects;

/**
 * The {@code o=} line. Session id and version are kept as the digit strings the peer wrote, since
 * some peers use numbers beyond 64 bits.
 *
 * @param username the user name, {@code -} when there is none
 * @param sessionId the numeric session id
 * @param version the numeric session version, bumped on every changed re-offer or re-answer
 * @param address the originating host's address (network type IN; IP4 or IP6 follows the address)
 */
public record Origin(String username, String sessionId, String version, String address) {

    public Origin {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(address, "address");
    }

    /** The value of the {@code o=} line, without {@code o=}. */
    String lineValue() {
        return username + " " + sessionId + " " + version + " " + SdpAddresses.networkAndType(address);
    }
}
