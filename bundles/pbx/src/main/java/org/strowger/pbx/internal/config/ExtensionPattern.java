package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * An extension name: a literal ({@code 100}, {@code s}, {@code alice}) or, when it starts with
 * {@code _}, a pattern.
 *
 * <p>Pattern alphabet: {@code X} 0-9, {@code Z} 1-9, {@code N} 2-9 (any case); {@code [15-7a]} one
 * character of the set, {@code a-b} a range, an empty set is ignored; {@code .} one or more of
 * anything, and nothing written after it is matched; {@code !} zero or more of anything, which is
 * also an early match for overlap dialing; {@code -} outside brackets is ignored (in dialed strings
 * too); every other character is itself, case-sensitive. Matching is per Java {@code char}.
 *
 * <p>Ordering ({@link #compareTo}) is Asterisk's: literals before patterns, literals by their
 * characters ignoring {@code -}; patterns position by position, left to right, the cheaper position
 * first (see {@link PatternPosition}). Two names that compare equal ({@code 100} and {@code 1-00},
 * {@code _XX} and {@code _[0-9]X}) match exactly the same strings; Asterisk treats them as one
 * extension, and so do {@link #equals} and the dialplan index.
 */
public final class ExtensionPattern implements Comparable<ExtensionPattern> {

    /** Asterisk's longest extension name. */
    static final int MAX_LENGTH = 80;

    private final String name;
    private final boolean pattern;
    /** A literal's characters without the '-' separators. */
    private final String literal;
    /** A pattern's positions, without the implicit end. */
    private final List<PatternPosition> positions;
    /** {@link #hashCode()}, computed once: names are map keys at every load. */
    private final int hash;
    /**
     * The lengths of the strings (without '-') a pattern can match: at least {@code minLength}, at
     * most {@code maxLength} ({@link Integer#MAX_VALUE} after {@code .} or {@code !}).
     */
    private final int minLength;
    private final int maxLength;

    private ExtensionPattern(String name, boolean pattern, String literal, List<PatternPosition> positions) {
        this.name = name;
        this.pattern = pattern;
        this.literal = literal;
        this.positions = positions;
        this.hash = pattern ? positions.hashCode() : literal.hashCode();
        int fixed = 0;
        while (fixed < positions.size() && positions.get(fixed).kind() == PatternPosition.Kind.CHARS) {
            fixed++;
        }
        if (fixed == positions.size()) {
            minLength = pattern ? fixed : literal.length();
            maxLength = minLength;
        } else {
            minLength = positions.get(fixed).kind() == PatternPosition.Kind.ONE_OR_MORE ? fixed + 1 : fixed;
            maxLength = Integer.MAX_VALUE;
        }
    }

    /**
     * Parses an extension name.
     *
     * @throws IllegalArgumentException if the name is empty, too long, contains whitespace or
     *     {@code /}, or is a malformed pattern; the message says what and where
     */
    public static ExtensionPattern of(String name) {
        return parse(name, false);
    }

    /** A caller-ID match; unlike an extension name it may be empty (then it matches "no caller ID"). */
    static ExtensionPattern callerIdMatch(String text) {
        return parse(text, true);
    }

    private static ExtensionPattern parse(String name, boolean emptyAllowed) {
        Objects.requireNonNull(name, "name");
        if (name.isEmpty()) {
            if (emptyAllowed) {
                return new ExtensionPattern(name, false, "", List.of());
            }
            throw new IllegalArgumentException("an extension name cannot be empty");
        }
        if (name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("extension '" + name + "' is " + name.length()
                    + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new IllegalArgumentException("extension '" + name + "' contains whitespace or a control"
                        + " character at position " + (i + 1) + "; extension names are written without spaces");
            }
            if (c == '/') {
                throw new IllegalArgumentException("extension '" + name + "' contains '/'; a caller-ID match"
                        + " is written after the name in a dialplan line (exten => 100/5551234,...), not in it");
            }
        }
        if (name.charAt(0) == '_') {
            return new ExtensionPattern(name, true, null, parsePositions(name));
        }
        String literal = name.replace("-", "");
        if (literal.isEmpty()) {
            throw new IllegalArgumentException("extension '" + name + "' is empty once the '-' separators are ignored");
        }
        return new ExtensionPattern(name, false, literal, List.of());
    }

    private static List<PatternPosition> parsePositions(String name) {
        List<PatternPosition> positions = new ArrayList<>();
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            switch (c) {
                case '-' -> { }
                case 'X', 'x' -> positions.add(PatternPosition.DIGIT);
                case 'Z', 'z' -> positions.add(PatternPosition.NON_ZERO);
                case 'N', 'n' -> positions.add(PatternPosition.TWO_TO_NINE);
                case '.' -> positions.add(PatternPosition.ONE_OR_MORE);
                case '!' -> positions.add(PatternPosition.ZERO_OR_MORE);
                case ']' -> throw new IllegalArgumentException("pattern '" + name + "' has a ']' at position " + (i + 1)
                        + " without an opening '['; a pattern cannot contain a literal ']'");
                case '[' -> {
                    int close = name.indexOf(']', i + 1);
                    if (close < 0) {
                        throw new IllegalArgumentException("pattern '" + name + "' has a '[' at position " + (i + 1)
                                + " without a closing ']'");
                    }
                    BitSet set = parseSet(name, i + 1, close);
                    if (!set.isEmpty()) { // Asterisk ignores an empty set
                        positions.add(PatternPosition.chars(set));
                    }
                    i = close;
                }
                default -> positions.add(PatternPosition.literal(c));
            }
        }
        if (positions.isEmpty()) {
            throw new IllegalArgumentException("pattern '" + name + "' has nothing to match after the '_';"
                    + " for example '_X.' matches a digit followed by anything");
        }
        return List.copyOf(positions);
    }

    /** The characters of {@code [from, to)}: single characters and {@code a-b} ranges, like Asterisk. */
    private static BitSet parseSet(String name, int from, int to) {
        BitSet set = new BitSet();
        int i = from;
        while (i < to) {
            char first = name.charAt(i);
            if (i + 2 < to && name.charAt(i + 1) == '-') {
                char last = name.charAt(i + 2);
                if (last < first) {
                    throw new IllegalArgumentException("pattern '" + name + "' has a reversed range '" + first + "-" + last
                            + "' at position " + (i + 1) + "; write the lower character first ('" + last + "-" + first + "')");
                }
                set.set(first, last + 1);
                i += 3;
            } else {
                set.set(first);
                i++;
            }
        }
        return set;
    }

    /** A literal's characters without the '-' separators; {@code null} for a pattern. */
    String literal() {
        return literal;
    }

    /**
     * True when a string starting with {@code c} (after any {@code -}) may match, i.e. when the
     * first position takes {@code c} or is {@code .} or {@code !}; for a literal, when it starts
     * with {@code c}. Lookups use it to skip patterns that cannot match.
     */
    boolean mayStartWith(char c) {
        if (!pattern) {
            return !literal.isEmpty() && literal.charAt(0) == c;
        }
        PatternPosition first = positions.get(0);
        return first.kind() != PatternPosition.Kind.CHARS || first.accepts(c);
    }

    /**
     * A character this name matches in first place: a literal's first character, the lowest
     * character of a pattern's first set; -1 when the first position is {@code .} or {@code !} (or
     * the literal is empty). A pattern covering this name must take it in first place too.
     */
    int firstChar() {
        if (!pattern) {
            return literal.isEmpty() ? -1 : literal.charAt(0);
        }
        PatternPosition first = positions.get(0);
        return first.kind() == PatternPosition.Kind.CHARS ? first.lowest() : -1;
    }

    /**
     * False when no string of this length (without '-') can match in this mode, so that lookups
     * can skip the match: EXISTS needs a length the name can match, CANMATCH and MATCHMORE one it
     * does not exceed.
     */
    boolean mayMatchLength(int length, MatchMode mode) {
        return length <= maxLength && (mode != MatchMode.EXISTS || length >= minLength);
    }

    /** True when the pattern has a {@code !}, which gives an early match (MATCHMORE stops there). */
    boolean hasEarlyMatch() {
        return pattern && positions.contains(PatternPosition.ZERO_OR_MORE);
    }

    /** The name as written. */
    public String name() {
        return name;
    }

    public boolean isPattern() {
        return pattern;
    }

    /** EXISTS: the whole dialed string matches. */
    public boolean matches(String dialed) {
        return match(dialed, MatchMode.EXISTS) != 0;
    }

    /** CANMATCH: the dialed string matches or is the beginning of a string that would. */
    public boolean canMatch(String dialed) {
        return match(dialed, MatchMode.CANMATCH) != 0;
    }

    /** MATCHMORE: more digits could still match; a pattern whose {@code !} has been reached says no. */
    public boolean matchMore(String dialed) {
        return match(dialed, MatchMode.MATCHMORE) == 1;
    }

    /**
     * Asterisk's three-valued match: 0 no, 1 yes, 2 early match (a {@code !} was reached, which means
     * "yes, and stop collecting digits").
     */
    int match(String dialed, MatchMode mode) {
        Objects.requireNonNull(dialed, "dialed");
        return pattern ? matchPattern(dialed, mode) : matchLiteral(dialed.replace("-", ""), mode);
    }

    private int matchLiteral(String dialed, MatchMode mode) {
        if (literal.length() < dialed.length()) {
            return 0;
        }
        if (mode == MatchMode.EXISTS) {
            return literal.equals(dialed) ? 1 : 0;
        }
        if (!literal.startsWith(dialed)) {
            return 0;
        }
        return mode == MatchMode.MATCHMORE && literal.length() == dialed.length() ? 0 : 1;
    }

    private int matchPattern(String dialed, MatchMode mode) {
        int d = 0;
        int p = 0;
        while (true) {
            while (d < dialed.length() && dialed.charAt(d) == '-') {
                d++;
            }
            if (d == dialed.length() || p == positions.size()) {
                break;
            }
            PatternPosition position = positions.get(p);
            switch (position.kind()) {
                case ONE_OR_MORE:
                    return 1;
                case ZERO_OR_MORE:
                    return 2;
                default:
                    if (!position.accepts(dialed.charAt(d))) {
                        return 0;
                    }
            }
            d++;
            p++;
        }
        if (d < dialed.length()) {
            return 0; // dialed string is longer than the pattern
        }
        if (p == positions.size()) {
            return mode == MatchMode.MATCHMORE ? 0 : 1;
        }
        if (positions.get(p).kind() == PatternPosition.Kind.ZERO_OR_MORE) {
            return 2;
        }
        return mode == MatchMode.EXISTS ? 0 : 1; // the dialed string is a prefix of a possible match
    }

    /**
     * True when every string the other name matches, this one matches too; used to find extensions
     * that can never be reached because a broader pattern is searched first.
     */
    boolean covers(ExtensionPattern other) {
        if (!pattern) {
            return !other.pattern && literal.equals(other.literal);
        }
        if (!other.pattern) {
            return matches(other.literal);
        }
        for (int i = 0; ; i++) {
            PatternPosition mine = positionOrEnd(i);
            PatternPosition theirs = other.positionOrEnd(i);
            switch (mine.kind()) {
                case ZERO_OR_MORE:
                    return true;
                case ONE_OR_MORE:
                    return theirs.kind() == PatternPosition.Kind.CHARS || theirs.kind() == PatternPosition.Kind.ONE_OR_MORE;
                case END:
                    return theirs.kind() == PatternPosition.Kind.END;
                default:
                    if (theirs.kind() != PatternPosition.Kind.CHARS || !mine.holdsAllOf(theirs)) {
                        return false;
                    }
            }
        }
    }

    private PatternPosition positionOrEnd(int i) {
        return i < positions.size() ? positions.get(i) : PatternPosition.END;
    }

    /** Asterisk's extension order: the one that sorts first is tried first. */
    @Override
    public int compareTo(ExtensionPattern other) {
        if (!pattern) {
            return other.pattern ? -1 : literal.compareTo(other.literal);
        }
        if (!other.pattern) {
            return 1;
        }
        for (int i = 0; ; i++) {
            PatternPosition mine = positionOrEnd(i);
            int byPosition = mine.compareTo(other.positionOrEnd(i));
            if (byPosition != 0 || mine == PatternPosition.END) {
                return byPosition;
            }
        }
    }

    /** Consistent with {@link #compareTo}: equal names match exactly the same strings. */
    @Override
    public boolean equals(Object o) {
        return o instanceof ExtensionPattern e && e.pattern == pattern
                && (pattern ? e.positions.equals(positions) : e.literal.equals(literal));
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return name;
    }
}
