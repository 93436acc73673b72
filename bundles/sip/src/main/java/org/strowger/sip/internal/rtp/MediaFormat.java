package org.strowger.sip.internal.rtp;

import java.util.Objects;
import org.strowger.channel.frame.Codec;

/**
 * What a session sends and accepts, as negotiated in SDP.
 *
 * @param codec ULAW or ALAW
 * @param payloadType the codec's RTP payload type
 * @param telephoneEventPayloadType the RFC 4733 type, -1 for none
 */
record MediaFormat(Codec codec, int payloadType, int telephoneEventPayloadType) {

    MediaFormat {
        Objects.requireNonNull(codec, "codec");
        if (codec == Codec.SLIN) {
            throw new IllegalArgumentException("RTP sessions carry G.711 (ULAW, ALAW), not SLIN");
        }
        if (payloadType < 0 || payloadType > 127) {
            throw new IllegalArgumentException("payload type " + payloadType + " is not in 0-127");
        }
        if (telephoneEventPayloadType < -1 || telephoneEventPayloadType > 127
                || telephoneEventPayloadType == payloadType) {
            throw new IllegalArgumentException("telephone-event payload type " + telephoneEventPayloadType
                    + " must be -1 or 0-127 and differ from the audio type");
        }
    }

    boolean hasTelephoneEvent() {
        return telephoneEventPayloadType >= 0;
    }

    /** The SDP encoding name. */
    String encodingName() {
        return codec == Codec.ULAW ? "PCMU" : "PCMA";
    }
}
