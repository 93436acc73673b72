package org.strowger.sip.internal.cause;

import java.util.ArrayList;
import java.util.List;

/** Splits header text at a separator, except inside quoted strings (where {@code \} escapes). */
final class QuotedAwareSplitter {

    private QuotedAwareSplitter() {
    }

    /** The pieces between separators, unchanged (quotes and escapes kept); at least one piece. */
    static List<String> split(String text, char separator) {
        List<String> pieces = new ArrayList<>();
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted && c == '\\') {
                i++; // the escaped character cannot end the quote
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == separator && !quoted) {
                pieces.add(text.substring(start, i));
                start = i + 1;
            }
        }
        pieces.add(text.substring(Math.min(start, text.length())));
        return pieces;
    }
}
