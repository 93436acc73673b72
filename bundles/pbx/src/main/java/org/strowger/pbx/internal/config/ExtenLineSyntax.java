package org.strowger.pbx.internal.config;

/**
 * Splits the value of {@code exten => EXT[/CID],PRIORITY,Application(data)} into its fields. The
 * extension ends at the first comma outside {@code [...]} (a backslash makes the next character
 * ordinary); the priority at the next comma; the rest is the application (or a hint's devices).
 */
final class ExtenLineSyntax {

    /** The extension field: name and caller-ID match ({@code null} if none), validated. */
    record ExtensionField(String name, String callerId, ExtensionKey key) {
    }

    /** A value split after its extension field. */
    record Split(String extension, String rest) {
    }

    private ExtenLineSyntax() {
    }

    static Split splitExtension(String value) throws LineSyntaxException {
        StringBuilder extension = new StringBuilder();
        boolean inBrackets = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && i + 1 < value.length()) {
                extension.append(value.charAt(++i));
                continue;
            }
            if (c == ',' && !inBrackets) {
                return new Split(extension.toString().strip(), value.substring(i + 1));
            }
            inBrackets = c == '[' || (inBrackets && c != ']');
            extension.append(c);
        }
        if (inBrackets) {
            throw new LineSyntaxException("extension '" + extension.toString().strip()
                    + "' has a '[' without a closing ']'");
        }
        throw new LineSyntaxException("expected 'exten => EXTENSION,PRIORITY,Application(arguments)', found no ','"
                + " after '" + value.strip() + "'");
    }

    /** Splits {@code PRIORITY,rest}; the priority ends at the first comma. */
    static Split splitPriority(String value, String lineKind) throws LineSyntaxException {
        int comma = value.indexOf(',');
        if (comma < 0) {
            throw new LineSyntaxException("expected '" + lineKind + "PRIORITY,Application(arguments)', found only '"
                    + value.strip() + "' after the extension");
        }
        return new Split(value.substring(0, comma).strip(), value.substring(comma + 1).strip());
    }

    /** Parses and validates {@code EXT[/CID]}. */
    static ExtensionField parseExtension(String field) throws LineSyntaxException {
        int slash = field.indexOf('/');
        String name = (slash < 0 ? field : field.substring(0, slash)).strip();
        String callerId = slash < 0 ? null : shrinkPhoneNumber(field.substring(slash + 1).strip());
        if (name.isEmpty()) {
            throw new LineSyntaxException("missing extension before ','; expected e.g. 'exten => 100,1,Answer()'");
        }
        ExtensionPattern exten;
        try {
            exten = ExtensionPattern.of(name);
        } catch (IllegalArgumentException e) {
            throw new LineSyntaxException(e.getMessage());
        }
        ExtensionPattern callerIdMatch = null;
        if (callerId != null) {
            try {
                callerIdMatch = ExtensionPattern.callerIdMatch(callerId);
            } catch (IllegalArgumentException e) {
                throw new LineSyntaxException("caller-ID match: " + e.getMessage());
            }
        }
        return new ExtensionField(name, callerId, new ExtensionKey(exten, callerIdMatch));
    }

    /**
     * Removes phone punctuation from a caller-ID match as Asterisk does: whitespace, parentheses,
     * {@code -} outside brackets, and {@code .} unless it is the last character (a pattern's "more").
     */
    static String shrinkPhoneNumber(String text) {
        StringBuilder kept = new StringBuilder(text.length());
        boolean inBrackets = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '[' -> inBrackets = true;
                case ']' -> inBrackets = false;
                default -> { }
            }
            boolean punctuation = Character.isWhitespace(c) || c == '(' || c == ')'
                    || (c == '-' && !inBrackets) || (c == '.' && !inBrackets && i < text.length() - 1);
            if (!punctuation) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
