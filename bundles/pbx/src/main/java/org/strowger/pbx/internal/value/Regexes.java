package org.strowger.pbx.internal.value;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The regular expressions of {@code :} and {@code =~}. Patterns are Java regular expressions with
 * the POSIX bracket classes ({@code [[:digit:]]} and friends) translated, since Asterisk users
 * write POSIX ERE and Java would silently read {@code [:digit:]} as a set of letters. Java picks
 * the first alternative that matches rather than the longest, which rarely matters here.
 */
final class Regexes {

    private static final Map<String, String> POSIX_CLASSES = Map.ofEntries(
            Map.entry("[:alpha:]", "\\p{Alpha}"), Map.entry("[:digit:]", "\\p{Digit}"),
            Map.entry("[:alnum:]", "\\p{Alnum}"), Map.entry("[:upper:]", "\\p{Upper}"),
            Map.entry("[:lower:]", "\\p{Lower}"), Map.entry("[:space:]", "\\s"),
            Map.entry("[:blank:]", "\\p{Blank}"), Map.entry("[:punct:]", "\\p{Punct}"),
            Map.entry("[:xdigit:]", "\\p{XDigit}"), Map.entry("[:cntrl:]", "\\p{Cntrl}"),
            Map.entry("[:graph:]", "\\p{Graph}"), Map.entry("[:print:]", "\\p{Print}"));

    private Regexes() {
    }

    /** Compiles a pattern operand, without its surrounding quotes. */
    static Pattern compile(String operand) {
        String pattern = Operands.unquote(operand);
        for (Map.Entry<String, String> posix : POSIX_CLASSES.entrySet()) {
            pattern = pattern.replace(posix.getKey(), posix.getValue());
        }
        return Pattern.compile(pattern);
    }

    /**
     * Matches the subject (without its surrounding quotes), at its start when {@code anchored}, else
     * anywhere. With a capture group: the text of group 1, or "" when there is no match; without
     * one: the length of the match in characters, or 0.
     */
    static String match(Pattern pattern, String subject, boolean anchored) {
        String text = Operands.unquote(subject);
        Matcher matcher = pattern.matcher(text);
        boolean found = anchored ? matcher.lookingAt() : matcher.find();
        if (matcher.groupCount() > 0) {
            String group = found ? matcher.group(1) : null;
            return group == null ? "" : group;
        }
        return found ? String.valueOf(text.codePointCount(matcher.start(), matcher.end())) : "0";
    }
}
