package org.strowger.sip.internal.rtp;

/** The RFC 4733 event payload for DTMF: event code, end bit, volume and duration in 4 bytes. */
final class TelephoneEvent {

    static final int PAYLOAD_LENGTH = 4;
    /** -10 dBm0, a typical DTMF level. */
    static final int VOLUME = 10;

    private static final String DIGITS = "0123456789*#ABCD";

    private TelephoneEvent() {
    }

    /**
     * The event code of a DTMF digit: 0-9, {@code *}=10, {@code #}=11, A-D=12-15.
     *
     * @throws IllegalArgumentException for anything else
     */
    static int code(char digit) {
        int code = DIGITS.indexOf(Character.toUpperCase(digit));
        if (code < 0) {
            throw new IllegalArgumentException("'" + digit + "' is not a DTMF digit (0-9 * # A-D)");
        }
        return code;
    }

    /** The digit of an event code, or 0 for the non-DTMF events (flash is 16). */
    static char digit(int code) {
        return code >= 0 && code < DIGITS.length() ? DIGITS.charAt(code) : 0;
    }

    static int write(byte[] buffer, int offset, int code, boolean end, int duration) {
        buffer[offset] = (byte) code;
        buffer[offset + 1] = (byte) ((end ? 0x80 : 0) | VOLUME);
        buffer[offset + 2] = (byte) (duration >> 8);
        buffer[offset + 3] = (byte) duration;
        return PAYLOAD_LENGTH;
    }

    static int code(byte[] payload, int offset) {
        return payload[offset] & 0xFF;
    }

    static boolean isEnd(byte[] payload, int offset) {
        return (payload[offset + 1] & 0x80) != 0;
    }

    /** In timestamp units (samples at 8 kHz). */
    static int duration(byte[] payload, int offset) {
        return RtpHeaderView.readUnsignedShort(payload, offset + 2);
    }
}
