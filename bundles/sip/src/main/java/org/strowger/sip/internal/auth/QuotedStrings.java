package org.strowger.sip.internal.auth;

/** Writing SIP quoted-strings (RFC 3261 §25.1). */
final class QuotedStrings {

    private QuotedStrings() {
    }

    /**
     * {@code value} in double quotes with {@code "} and {@code \} escaped.
     *
     * @throws IllegalArgumentException for control characters, which would allow header
     *         injection (CR LF) and which a quoted-string cannot carry anyway
     */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("control character in a quoted header value at index " + i);
            }
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
