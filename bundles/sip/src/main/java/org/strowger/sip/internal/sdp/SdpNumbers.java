package org.strowger.sip.internal.sdp;

/** Reads the numbers of SDP lines without exceptions for the common "not a number" case. */
final class SdpNumbers {

    private SdpNumbers() {
    }

    /** A decimal number of at most 9 digits, or -1 if the text is anything else. */
    static int smallNumber(String text) {
        if (text.isEmpty() || text.length() > 9) {
            return -1;
        }
        int value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** The RTP payload type a format token names, or {@code null} if it is not 0-127. */
    static Integer payloadType(String token) {
        int value = smallNumber(token);
        return value >= 0 && value <= 127 ? value : null;
    }

    static boolean isDigits(String text) {
        if (text.isEmpty()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
