package org.strowger.sip.internal.sdp;

/** How addresses are written in {@code o=} and {@code c=} lines. */
final class SdpAddresses {

    private SdpAddresses() {
    }

    /** {@code IN IP4 192.0.2.1} or {@code IN IP6 2001:db8::1}: a colon can only be IPv6. */
    static String networkAndType(String address) {
        return (address.indexOf(':') >= 0 ? "IN IP6 " : "IN IP4 ") + address;
    }

    /** The RFC 2543 way to put a stream on hold: an unspecified connection address. */
    static boolean isHoldAddress(String address) {
        return "0.0.0.0".equals(address);
    }
}
