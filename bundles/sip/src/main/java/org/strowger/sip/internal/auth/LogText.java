package org.strowger.sip.internal.auth;

/** Text received from the network, made safe to put in a log line or exception message. */
final class LogText {

    private LogText() {
    }

    /** {@code text} with control characters (CR, LF...) shown as '?' and cut after {@code maxChars}. */
    static String printable(String text, int maxChars) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), maxChars) + 3);
        for (int i = 0; i < text.length() && i < maxChars; i++) {
            char c = text.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return text.length() > maxChars ? out.append("...").toString() : out.toString();
    }
}
