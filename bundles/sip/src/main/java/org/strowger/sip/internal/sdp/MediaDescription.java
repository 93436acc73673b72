package org.strowger.sip.internal.sdp;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One {@code m=} section. Connection address and direction are the effective ones: a media-level
 * {@code c=} or direction attribute wins, otherwise the session-level one applies.
 */
public final class MediaDescription {

    private final String media;
    private final int port;
    private final int portCount;
    private final String protocol;
    private final List<String> formats;
    private final List<PayloadFormat> payloadFormats;
    private final String connectionAddress;
    private final Direction direction;
    private final int ptime;
    private final List<String> attributes;

    private MediaDescription(Builder builder) {
        this.media = builder.media;
        this.port = builder.port;
        this.portCount = builder.portCount;
        this.protocol = builder.protocol;
        this.formats = List.copyOf(builder.formats);
        this.payloadFormats = List.copyOf(builder.resolvePayloadFormats());
        this.connectionAddress = builder.connectionAddress;
        this.direction = builder.direction;
        this.ptime = builder.ptime;
        this.attributes = List.copyOf(builder.attributes);
    }

    private MediaDescription(MediaDescription base, String connectionAddress) {
        this.media = base.media;
        this.port = base.port;
        this.portCount = base.portCount;
        this.protocol = base.protocol;
        this.formats = base.formats;
        this.payloadFormats = base.payloadFormats;
        this.connectionAddress = connectionAddress;
        this.direction = base.direction;
        this.ptime = base.ptime;
        this.attributes = base.attributes;
    }

    public static Builder builder(String media, int port, String protocol) {
        return new Builder(media, port, protocol);
    }

    /** {@code audio}, {@code video}, {@code image}, ... as written. */
    public String media() {
        return media;
    }

    public boolean isAudio() {
        return "audio".equalsIgnoreCase(media);
    }

    /** The RTP port; 0 means the stream is rejected or disabled. */
    public int port() {
        return port;
    }

    /** The {@code /2} of {@code m=audio 49170/2 ...}; 1 when absent. */
    public int portCount() {
        return portCount;
    }

    public boolean isRejected() {
        return port == 0;
    }

    /** {@code RTP/AVP} and the like, as written. */
    public String protocol() {
        return protocol;
    }

    /** Plain RTP/AVP, the only profile we answer (no SRTP, no AVPF feedback). */
    public boolean isRtpAvp() {
        return "RTP/AVP".equalsIgnoreCase(protocol);
    }

    /** The format tokens of the m= line in the order written (payload type numbers for RTP). */
    public List<String> formats() {
        return formats;
    }

    /** The RTP payload types in the m= line's (preference) order, with rtpmap and fmtp applied. */
    public List<PayloadFormat> payloadFormats() {
        return payloadFormats;
    }

    public List<Integer> payloadTypes() {
        List<Integer> types = new ArrayList<>(payloadFormats.size());
        for (PayloadFormat format : payloadFormats) {
            types.add(format.payloadType());
        }
        return types;
    }

    public Optional<PayloadFormat> payloadFormat(int payloadType) {
        for (PayloadFormat format : payloadFormats) {
            if (format.payloadType() == payloadType) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The first RFC 4733 telephone-event format listed, if any. */
    public Optional<PayloadFormat> telephoneEvent() {
        for (PayloadFormat format : payloadFormats) {
            if (format.isTelephoneEvent()) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }

    /** The effective connection address (media-level, else session-level), if any was given. */
    public Optional<String> connectionAddress() {
        return Optional.ofNullable(connectionAddress);
    }

    /** {@code c=IN IP4 0.0.0.0}: RFC 2543 hold, the peer wants nothing sent to it. */
    public boolean isHoldAddress() {
        return connectionAddress != null && SdpAddresses.isHoldAddress(connectionAddress);
    }

    /** The direction attribute as declared (media-level, else session-level, else sendrecv). */
    public Direction direction() {
        return direction;
    }

    /**
     * What the writer of this description will really do: the declared direction, limited to
     * sending when it used the RFC 2543 hold address (then it cannot receive).
     */
    public Direction effectiveDirection() {
        return isHoldAddress() ? direction.restrictTo(Direction.SENDONLY) : direction;
    }

    public OptionalInt ptime() {
        return ptime > 0 ? OptionalInt.of(ptime) : OptionalInt.empty();
    }

    /** Attributes we do not interpret ({@code rtcp:5001}, {@code label:1}), without {@code a=}. */
    public List<String> attributes() {
        return attributes;
    }

    /**
     * Where to send RTP. An IP literal is never looked up; a host name is resolved here, so call
     * this off the media threads.
     *
     * @throws IllegalStateException when neither the media nor the session gave a {@code c=} line
     */
    public InetSocketAddress rtpAddress() {
        if (connectionAddress == null) {
            throw new IllegalStateException("the " + media + " stream has no connection address");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(connectionAddress), port);
        } catch (java.net.UnknownHostException e) {
            return InetSocketAddress.createUnresolved(connectionAddress, port);
        }
    }

    /** This stream under the session-level address when it has none of its own. */
    MediaDescription inheritConnection(String sessionConnection) {
        return connectionAddress != null || sessionConnection == null
                ? this : new MediaDescription(this, sessionConnection);
    }

    /** This stream declined, as an answer must write it: same media, protocol and formats, port 0. */
    public MediaDescription rejected() {
        Builder builder = builder(media, 0, protocol).direction(Direction.INACTIVE);
        builder.formats.addAll(formats.isEmpty() ? List.of("0") : formats);
        return builder.build();
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof MediaDescription)) {
            return false;
        }
        MediaDescription that = (MediaDescription) other;
        return port == that.port && portCount == that.portCount && ptime == that.ptime
                && media.equals(that.media) && protocol.equals(that.protocol)
                && formats.equals(that.formats) && payloadFormats.equals(that.payloadFormats)
                && Objects.equals(connectionAddress, that.connectionAddress)
                && direction == that.direction && attributes.equals(that.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(media, port, protocol, formats, connectionAddress, direction);
    }

    @Override
    public String toString() {
        return media + " " + port + " " + protocol + " " + payloadFormats + " " + direction.attribute()
                + (connectionAddress != null ? " @" + connectionAddress : "");
    }

    /** Collects a media section line by line (parser) or piece by piece (negotiator). */
    public static final class Builder {

        private final String media;
        private final int port;
        private final String protocol;
        private int portCount = 1;
        private final List<String> formats = new ArrayList<>();
        private final Map<Integer, PayloadFormat> rtpmaps = new HashMap<>();
        private final Map<Integer, String> fmtps = new LinkedHashMap<>();
        private String connectionAddress;
        private Direction direction = Direction.SENDRECV;
        private int ptime;
        private final List<String> attributes = new ArrayList<>();

        private Builder(String media, int port, String protocol) {
            this.media = Objects.requireNonNull(media, "media");
            this.protocol = Objects.requireNonNull(protocol, "protocol");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port " + port + " is not in 0-65535");
            }
            this.port = port;
        }

        public Builder portCount(int count) {
            this.portCount = count;
            return this;
        }

        /** Adds a format token to the m= line (a payload type number for RTP). */
        public Builder format(String token) {
            formats.add(token);
            return this;
        }

        /** Adds a payload type to the m= line together with its rtpmap and fmtp. */
        public Builder payloadFormat(PayloadFormat format) {
            formats.add(Integer.toString(format.payloadType()));
            return rtpmap(format);
        }

        /** Records what an rtpmap (and any fmtp in it) says about a payload type. */
        public Builder rtpmap(PayloadFormat format) {
            rtpmaps.put(format.payloadType(), format);
            if (format.fmtp() != null) {
                fmtps.put(format.payloadType(), format.fmtp());
            }
            return this;
        }

        public Builder fmtp(int payloadType, String parameters) {
            fmtps.put(payloadType, parameters);
            return this;
        }

        /** The connection address; {@code null} keeps the session-level one. */
        public Builder connectionAddress(String address) {
            this.connectionAddress = address;
            return this;
        }

        public Builder direction(Direction newDirection) {
            this.direction = Objects.requireNonNull(newDirection, "direction");
            return this;
        }

        /** Packetization time in milliseconds; 0 for none. */
        public Builder ptime(int milliseconds) {
            this.ptime = milliseconds;
            return this;
        }

        /** An attribute we pass through untouched, without {@code a=}. */
        public Builder attribute(String attribute) {
            attributes.add(attribute);
            return this;
        }

        boolean hasConnectionAddress() {
            return connectionAddress != null;
        }

        public MediaDescription build() {
            return new MediaDescription(this);
        }

        private List<PayloadFormat> resolvePayloadFormats() {
            List<PayloadFormat> resolved = new ArrayList<>();
            if (!protocol.toUpperCase(Locale.ROOT).startsWith("RTP/")) {
                return resolved;
            }
            for (String token : formats) {
                Integer payloadType = SdpNumbers.payloadType(token);
                if (payloadType == null) {
                    continue;
                }
                PayloadFormat format = rtpmaps.getOrDefault(payloadType, PayloadFormat.withoutRtpmap(payloadType));
                String parameters = fmtps.get(payloadType);
                resolved.add(parameters != null ? format.withFmtp(parameters) : format);
            }
            return resolved;
        }
    }
}
