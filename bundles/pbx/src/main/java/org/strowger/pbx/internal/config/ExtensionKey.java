package org.strowger.pbx.internal.config;

/**
 * What makes two dialplan lines belong to the same extension: the name and the caller-ID match.
 * Sorts like Asterisk: by name, then the caller-ID variant before the plain one, caller-ID
 * variants among themselves by the same rule as names.
 *
 * @param callerId {@code null} when the extension has no caller-ID match
 */
record ExtensionKey(ExtensionPattern exten, ExtensionPattern callerId) implements Comparable<ExtensionKey> {

    /** @throws IllegalArgumentException if the name or the caller-ID match is malformed */
    static ExtensionKey of(String exten, String callerId) {
        return new ExtensionKey(ExtensionPattern.of(exten),
                callerId == null ? null : ExtensionPattern.callerIdMatch(callerId));
    }

    /** True when a call with this caller ID (null or empty for none) may use the extension. */
    boolean acceptsCallerId(String number) {
        if (callerId == null) {
            return true;
        }
        if (number == null || number.isEmpty()) {
            return callerId.name().isEmpty(); // "100/" is the extension for calls without a caller ID
        }
        return callerId.matches(number);
    }

    @Override
    public int compareTo(ExtensionKey other) {
        int byName = exten.compareTo(other.exten);
        if (byName != 0) {
            return byName;
        }
        if (callerId == null || other.callerId == null) {
            return callerId == null ? (other.callerId == null ? 0 : 1) : -1;
        }
        return callerId.compareTo(other.callerId);
    }

    @Override
    public String toString() {
        return callerId == null ? exten.name() : exten.name() + "/" + callerId.name();
    }
}
