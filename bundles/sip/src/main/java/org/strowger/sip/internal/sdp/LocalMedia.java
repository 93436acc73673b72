package org.strowger.sip.internal.sdp;

import java.util.Objects;

/**
 * Where we receive media for one call.
 *
 * @param address our IP address as written in {@code c=}
 * @param rtpPort the RTP port of the call's {@code RtpSession}
 * @param origin the call's {@code o=} line keeper
 */
public record LocalMedia(String address, int rtpPort, SdpOrigin origin) {

    public LocalMedia {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(origin, "origin");
        if (rtpPort <= 0 || rtpPort > 65535) {
            throw new IllegalArgumentException("RTP port " + rtpPort + " is not in 1-65535");
        }
    }
}
