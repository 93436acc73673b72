package org.strowger.misdn.internal.q931;

import static org.strowger.misdn.internal.q931.InformationElement.*;

/** Names, checks and readable forms of the codeset 0 IEs this codec knows. */
public final class Ies {

    private Ies() {
    }

    /** A short name for the trace ("BC", "CHI", "called"...). */
    public static String name(int id) {
        return switch (id) {
            case BEARER_CAPABILITY -> "BC";
            case CAUSE -> "cause";
            case CALL_STATE -> "callstate";
            case CHANNEL_ID -> "CHI";
            case PROGRESS_INDICATOR -> "PI";
            case DISPLAY -> "display";
            case KEYPAD_FACILITY -> "keypad";
            case CALLING_PARTY_NUMBER -> "calling";
            case CALLED_PARTY_NUMBER -> "called";
            case SENDING_COMPLETE -> "sending-complete";
            default -> String.format("IE 0x%02X", id);
        };
    }

    /** Checks a codeset 0 IE this codec understands; unknown IEs are always valid. */
    static void check(InformationElement ie) throws InvalidIeException {
        if (ie.codeset() != 0) {
            return;
        }
        switch (ie.id()) {
            case BEARER_CAPABILITY -> BearerCapability.parse(ie);
            case CAUSE -> Cause.parse(ie);
            case CHANNEL_ID -> ChannelId.parse(ie);
            case PROGRESS_INDICATOR -> ProgressIndicator.parse(ie);
            case CALLING_PARTY_NUMBER, CALLED_PARTY_NUMBER -> PartyNumber.parse(ie);
            case CALL_STATE -> callState(ie);
            default -> {
            }
        }
    }

    /** The state number of a Call state IE. */
    public static int callState(InformationElement ie) throws InvalidIeException {
        byte[] c = ie.contents();
        if (c.length != 1) {
            throw new InvalidIeException(ie.id(), "needs 1 octet, has " + c.length);
        }
        return c[0] & 0x3F;
    }

    public static InformationElement callState(int state) {
        return InformationElement.of(CALL_STATE, (byte) (state & 0x3F));
    }

    public static InformationElement text(int id, String text) {
        return InformationElement.of(id, text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    }

    /** The IE in words for the trace, or its bytes when it does not parse. */
    static String describe(InformationElement ie) {
        if (ie.codeset() != 0 || InformationElement.singleOctet(ie.id())) {
            return ie.toString();
        }
        try {
            Object v = switch (ie.id()) {
                case BEARER_CAPABILITY -> BearerCapability.parse(ie);
                case CAUSE -> Cause.parse(ie);
                case CHANNEL_ID -> ChannelId.parse(ie);
                case PROGRESS_INDICATOR -> ProgressIndicator.parse(ie);
                case CALLING_PARTY_NUMBER, CALLED_PARTY_NUMBER -> PartyNumber.parse(ie);
                case CALL_STATE -> callState(ie);
                case DISPLAY, KEYPAD_FACILITY -> '"' + ie.text() + '"';
                default -> null;
            };
            return v == null ? ie.toString() : name(ie.id()) + "(" + v + ")";
        } catch (InvalidIeException e) {
            return ie + "!";
        }
    }
}
