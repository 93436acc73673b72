package org.strowger.sip.internal.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An SDP body (RFC 4566): origin, session name, session-level connection address and the media
 * sections in order. Immutable; {@link #parse} reads what peers send, {@link #render} writes ours.
 */
public final class SessionDescription {

    private final Origin origin;
    private final String sessionName;
    private final String connectionAddress;
    private final String timing;
    private final List<String> attributes;
    private final List<MediaDescription> media;

    /** A description with timing {@code 0 0} and no session-level attributes. */
    public SessionDescription(Origin origin, String sessionName, String connectionAddress,
                              List<MediaDescription> media) {
        this(origin, sessionName, connectionAddress, "0 0", List.of(), media);
    }

    /**
     * @param connectionAddress the session-level {@code c=} address, or {@code null}; media without
     *                          their own address take this one
     * @param timing the value of the {@code t=} line
     * @param attributes session-level attributes we pass through, without {@code a=}
     */
    public SessionDescription(Origin origin, String sessionName, String connectionAddress, String timing,
                              List<String> attributes, List<MediaDescription> media) {
        this.origin = Objects.requireNonNull(origin, "origin");
        this.sessionName = Objects.requireNonNull(sessionName, "sessionName");
        this.connectionAddress = connectionAddress;
        this.timing = Objects.requireNonNull(timing, "timing");
        this.attributes = List.copyOf(attributes);
        List<MediaDescription> effective = new ArrayList<>(media.size());
        for (MediaDescription stream : media) {
            effective.add(stream.inheritConnection(connectionAddress));
        }
        this.media = List.copyOf(effective);
    }

    /**
     * Reads an SDP body. Lines may end in CRLF or LF; unknown line types and attributes are kept
     * or skipped, never fatal.
     *
     * @throws SdpException when a line we need is malformed; the message names the line
     */
    public static SessionDescription parse(String body) throws SdpException {
        return new SdpParser(body).parse();
    }

    /** The body as sent on the wire, CRLF after every line. */
    public String render() {
        return SdpWriter.write(this);
    }

    public Origin origin() {
        return origin;
    }

    public String sessionName() {
        return sessionName;
    }

    /** The session-level {@code c=} address, if there is one. */
    public Optional<String> connectionAddress() {
        return Optional.ofNullable(connectionAddress);
    }

    public String timing() {
        return timing;
    }

    /** Session-level attributes we do not interpret, without {@code a=}. */
    public List<String> attributes() {
        return attributes;
    }

    /** The media sections in m= line order. */
    public List<MediaDescription> media() {
        return media;
    }

    /** The same description under another {@code o=} line. */
    public SessionDescription withOrigin(Origin newOrigin) {
        return new SessionDescription(newOrigin, sessionName, connectionAddress, timing, attributes, media);
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof SessionDescription)) {
            return false;
        }
        SessionDescription that = (SessionDescription) other;
        return origin.equals(that.origin) && sessionName.equals(that.sessionName)
                && Objects.equals(connectionAddress, that.connectionAddress) && timing.equals(that.timing)
                && attributes.equals(that.attributes) && media.equals(that.media);
    }

    @Override
    public int hashCode() {
        return Objects.hash(origin, sessionName, connectionAddress, media);
    }

    @Override
    public String toString() {
        return "SDP[" + origin.lineValue() + ", " + media + "]";
    }
}
