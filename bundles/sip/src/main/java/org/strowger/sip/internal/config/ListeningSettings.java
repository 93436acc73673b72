package org.strowger.sip.internal.config;

/**
 * The driver's settings that sockets, threads and the SIP stack are made from. A change to any of
 * them restarts the driver (its calls end); the other settings apply to the running driver.
 */
public record ListeningSettings(String bindAddress, String externalAddress, int port, String transports,
        int rtpPortMin, int rtpPortMax, int rtpIoThreads, int sipThreads, String userAgent) {

    public static ListeningSettings of(SipConfig config) {
        return new ListeningSettings(config.bindAddress().trim(), config.externalAddress().trim(), config.port(),
                config.transports().replaceAll("\\s", "").toLowerCase(java.util.Locale.ROOT), config.rtpPortMin(),
                config.rtpPortMax(), config.rtpIoThreads(), config.sipThreads(), config.userAgent());
    }

    /** What differs from {@code before}, for the log: {@code "port 5060 -> 5070"}. */
    public String differencesFrom(ListeningSettings before) {
        StringBuilder text = new StringBuilder();
        difference(text, "bindAddress", before.bindAddress, bindAddress);
        difference(text, "externalAddress", before.externalAddress, externalAddress);
        difference(text, "port", before.port, port);
        difference(text, "transports", before.transports, transports);
        difference(text, "rtpPortMin", before.rtpPortMin, rtpPortMin);
        difference(text, "rtpPortMax", before.rtpPortMax, rtpPortMax);
        difference(text, "rtpIoThreads", before.rtpIoThreads, rtpIoThreads);
        difference(text, "sipThreads", before.sipThreads, sipThreads);
        difference(text, "userAgent", before.userAgent, userAgent);
        return text.toString();
    }

    private static void difference(StringBuilder text, String name, Object before, Object after) {
        if (!before.equals(after)) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(name).append(' ').append(before).append(" -> ").append(after);
        }
    }
}
