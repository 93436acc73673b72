package org.strowger.sip.internal.sdp;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Our {@code o=} line for one call. The session id never changes; the version goes up by one
 * each time the description we send differs from the last one, and stays when we send the same
 * again (RFC 3264 section 8). Thread-safe.
 */
public final class SdpOrigin {

    private final String username;
    private final long sessionId;
    private final String address;

    private long version;
    private String lastContent;

    /**
     * @param username the {@code o=} user name ({@code -} is fine)
     * @param sessionId fixed for the whole call
     * @param firstVersion the version of the first description sent
     * @param address our address as written in the {@code o=} line
     */
    public SdpOrigin(String username, long sessionId, long firstVersion, String address) {
        this.username = Objects.requireNonNull(username, "username");
        this.address = Objects.requireNonNull(address, "address");
        if (sessionId < 0 || firstVersion < 0) {
            throw new IllegalArgumentException("session id and version must not be negative");
        }
        this.sessionId = sessionId;
        this.version = firstVersion;
    }

    /** A fresh origin for a new call: random session id (so ids of concurrent calls differ), version 1. */
    public static SdpOrigin forNewSession(String address) {
        long sessionId = new SecureRandom().nextLong() >>> 2;
        return new SdpOrigin("strowger", sessionId, 1, address);
    }

    public String username() {
        return username;
    }

    public long sessionId() {
        return sessionId;
    }

    public String address() {
        return address;
    }

    /** The version of the last description stamped (or the first version, before any). */
    public synchronized long version() {
        return version;
    }

    /**
     * The origin to send {@code content} under: the previous version when it equals what was last
     * stamped, the next version when it changed.
     *
     * @param content the rendered description apart from its {@code o=} line's version
     */
    public synchronized Origin stamp(String content) {
        Objects.requireNonNull(content, "content");
        if (lastContent != null && !lastContent.equals(content)) {
            version++;
        }
        lastContent = content;
        return originAt(version);
    }

    /** The {@code o=} line at a given version, without stamping anything. */
    Origin originAt(long atVersion) {
        return new Origin(username, Long.toString(sessionId), Long.toString(atVersion), address);
    }
}
