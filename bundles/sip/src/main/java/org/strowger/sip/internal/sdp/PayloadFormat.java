package org.strowger.sip.internal.sdp;

import java.util.Map;
import java.util.Optional;
import org.strowger.channel.frame.Codec;

/**
 * One RTP payload type of a media line with what its {@code rtpmap} and {@code fmtp} say.
 *
 * @param payloadType 0-127
 * @param encodingName as written ({@code PCMU}, {@code opus}); {@code null} for a dynamic type
 *                     the peer gave no rtpmap for
 * @param clockRate samples per second of the RTP clock
 * @param channels audio channels, 1 unless the rtpmap says otherwise
 * @param fmtp the format parameters, or {@code null}
 */
public record PayloadFormat(int payloadType, String encodingName, int clockRate, int channels, String fmtp) {

    public static final PayloadFormat PCMU = new PayloadFormat(0, "PCMU", 8000, 1, null);
    public static final PayloadFormat PCMA = new PayloadFormat(8, "PCMA", 8000, 1, null);

    /** Where we put telephone-event in our offers, as most phones and Asterisk do. */
    public static final int DEFAULT_TELEPHONE_EVENT_TYPE = 101;

    /** The events we offer: DTMF 0-15 and flash (16). */
    static final String OFFERED_EVENTS = "0-16";

    /** What a telephone-event type means without an fmtp (RFC 4733 section 2.4.1). */
    static final String DEFAULT_EVENTS = "0-15";

    private static final String TELEPHONE_EVENT = "telephone-event";

    /** The static types of RFC 3551 a peer may list without an rtpmap. */
    private static final Map<Integer, PayloadFormat> STATIC_TYPES = Map.of(
            0, PCMU,
            3, new PayloadFormat(3, "GSM", 8000, 1, null),
            4, new PayloadFormat(4, "G723", 8000, 1, null),
            8, PCMA,
            9, new PayloadFormat(9, "G722", 8000, 1, null),
            13, new PayloadFormat(13, "CN", 8000, 1, null),
            18, new PayloadFormat(18, "G729", 8000, 1, null));

    public PayloadFormat {
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("RTP payload type " + payloadType + " is not in 0-127");
        }
    }

    /** A telephone-event type with the events we offer. */
    public static PayloadFormat telephoneEvent(int payloadType) {
        return new PayloadFormat(payloadType, TELEPHONE_EVENT, 8000, 1, OFFERED_EVENTS);
    }

    /** The static format for a codec of ours; empty for SLIN, which has no G.711 payload type. */
    public static Optional<PayloadFormat> forCodec(Codec codec) {
        switch (codec) {
            case ULAW:
                return Optional.of(PCMU);
            case ALAW:
                return Optional.of(PCMA);
            default:
                return Optional.empty();
        }
    }

    /** What a payload type means when a media line lists it without an rtpmap. */
    static PayloadFormat withoutRtpmap(int payloadType) {
        PayloadFormat known = STATIC_TYPES.get(payloadType);
        return known != null ? known : new PayloadFormat(payloadType, null, 0, 1, null);
    }

    /** The core codec this format carries, if it is G.711 at 8 kHz mono; names match in any case. */
    public Optional<Codec> codec() {
        if (encodingName == null || clockRate != 8000 || channels != 1) {
            return Optional.empty();
        }
        if ("PCMU".equalsIgnoreCase(encodingName)) {
            return Optional.of(Codec.ULAW);
        }
        if ("PCMA".equalsIgnoreCase(encodingName)) {
            return Optional.of(Codec.ALAW);
        }
        return Optional.empty();
    }

    /** RFC 4733 DTMF at 8 kHz, the only event clock our RTP side runs. */
    public boolean isTelephoneEvent() {
        return TELEPHONE_EVENT.equalsIgnoreCase(encodingName) && clockRate == 8000;
    }

    public PayloadFormat withFmtp(String newFmtp) {
        return new PayloadFormat(payloadType, encodingName, clockRate, channels, newFmtp);
    }

    /** {@code PCMU/8000} or {@code opus/48000/2}; {@code null} when the encoding is unknown. */
    String rtpmapValue() {
        if (encodingName == null) {
            return null;
        }
        return encodingName + "/" + clockRate + (channels != 1 ? "/" + channels : "");
    }

    @Override
    public String toString() {
        String name = encodingName == null ? "?" : rtpmapValue();
        return payloadType + " " + name;
    }
}
