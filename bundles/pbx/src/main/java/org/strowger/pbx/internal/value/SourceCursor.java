package org.strowger.pbx.internal.value;

/** A read position in the dialplan text being compiled, shared by the template and expression parsers. */
final class SourceCursor {

    private final String text;
    private int position;

    SourceCursor(String text) {
        this.text = text;
    }

    int position() {
        return position;
    }

    boolean atEnd() {
        return position >= text.length();
    }

    /** The current character; call only when not {@link #atEnd()}. */
    char peek() {
        return text.charAt(position);
    }

    /** The character {@code ahead} places on, or 0 past the end. */
    char peek(int ahead) {
        int at = position + ahead;
        return at < text.length() ? text.charAt(at) : 0;
    }

    boolean lookingAt(String prefix) {
        return text.startsWith(prefix, position);
    }

    /** True at {@code ${} or {@code $[}, where a reference starts. */
    boolean atReference() {
        return peek(0) == '$' && (peek(1) == '{' || peek(1) == '[');
    }

    void advance() {
        position++;
    }

    void advance(int count) {
        position += count;
    }

    /** The text from {@code start} up to the current position. */
    String sliceFrom(int start) {
        return text.substring(start, position);
    }
}
