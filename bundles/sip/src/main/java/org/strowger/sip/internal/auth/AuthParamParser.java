package org.strowger.sip.internal.auth;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits {@code Digest name=value, name="quoted, value", ...} into its parameters, with lower
 * case names (RFC 3261 §25.1 and RFC 7235 §2.1). Lenient where clients differ (whitespace
 * anywhere, empty list elements, unquoted values that are not strict tokens), strict where
 * ambiguity could hide an attack (repeated parameters, unterminated quotes). Any problem is a
 * {@link DigestParseException}; nothing else escapes, whatever the input.
 */
final class AuthParamParser {

    private static final String SCHEME = "Digest";
    private static final String TOKEN_SYMBOLS = "!#$%&'*+-.^_`|~";

    private final String text;
    private int pos;

    private AuthParamParser(String text) {
        this.text = text;
    }

    /** The parameters of a Digest credentials value, keyed by lower-case name. */
    static Map<String, String> parse(String value) throws DigestParseException {
        if (value == null) {
            throw new DigestParseException("no credentials value");
        }
        return new AuthParamParser(value).credentials();
    }

    private Map<String, String> credentials() throws DigestParseException {
        skipWhitespace();
        String scheme = token();
        if (scheme.isEmpty()) {
            throw error("expected the scheme Digest");
        }
        if (!scheme.equalsIgnoreCase(SCHEME)) {
            throw new DigestParseException("scheme '" + printable(scheme) + "' is not Digest");
        }
        Map<String, String> params = new HashMap<>();
        while (true) {
            skipWhitespaceAndCommas();
            if (atEnd()) {
                return params;
            }
            String name = token();
            if (name.isEmpty()) {
                throw error("expected a parameter name");
            }
            skipWhitespace();
            expect('=', "after parameter " + printable(name));
            skipWhitespace();
            String value = !atEnd() && peek() == '"' ? quotedString() : unquotedValue(name);
            String key = name.toLowerCase(Locale.ROOT);
            if (params.putIfAbsent(key, value) != null) {
                throw new DigestParseException("parameter " + printable(name) + " appears more than once");
            }
            skipWhitespace();
            if (!atEnd() && peek() != ',') {
                throw error("expected ',' after the value of " + printable(name));
            }
        }
    }

    private String token() {
        int start = pos;
        while (!atEnd() && isTokenChar(peek())) {
            pos++;
        }
        return text.substring(start, pos);
    }

    /** Up to the next comma or whitespace: broken clients leave URIs and nonces unquoted. */
    private String unquotedValue(String name) throws DigestParseException {
        int start = pos;
        while (!atEnd() && peek() != ',' && peek() != '"' && !isWhitespace(peek())) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a value for " + printable(name));
        }
        return text.substring(start, pos);
    }

    private String quotedString() throws DigestParseException {
        int opening = pos;
        pos++;
        StringBuilder value = new StringBuilder();
        while (!atEnd()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return value.toString();
            }
            if (c == '\\') {
                if (atEnd()) {
                    break;
                }
                c = text.charAt(pos++);
            }
            value.append(c);
        }
        throw new DigestParseException("quoted string opened at position " + (opening + 1) + " is not closed");
    }

    private void expect(char wanted, String where) throws DigestParseException {
        if (atEnd() || peek() != wanted) {
            throw error("expected '" + wanted + "' " + where);
        }
        pos++;
    }

    private void skipWhitespace() {
        while (!atEnd() && isWhitespace(peek())) {
            pos++;
        }
    }

    private void skipWhitespaceAndCommas() {
        while (!atEnd() && (isWhitespace(peek()) || peek() == ',')) {
            pos++;
        }
    }

    private boolean atEnd() {
        return pos >= text.length();
    }

    private char peek() {
        return text.charAt(pos);
    }

    private DigestParseException error(String what) {
        String found = atEnd() ? "end of value" : "'" + printable(String.valueOf(peek())) + "'";
        return new DigestParseException(what + " at position " + (pos + 1) + ", found " + found);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isTokenChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TOKEN_SYMBOLS.indexOf(c) >= 0;
    }

    private static String printable(String s) {
        return LogText.printable(s, 40);
    }
}
