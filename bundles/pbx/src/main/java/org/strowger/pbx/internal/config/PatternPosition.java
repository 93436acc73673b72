package org.strowger.pbx.internal.config;

import java.util.BitSet;

/**
 * One position of an extension pattern: a set of characters ({@code 1}, {@code X}, {@code [15-7]}),
 * {@code .} (one or more of anything), {@code !} (zero or more), or the end of the pattern.
 *
 * <p>Positions sort by Asterisk's cost: a set costs its size × 256 plus its lowest character, {@code .}
 * 0x18000, {@code !} 0x28000, the end 0x30000; sets of equal cost put the one holding the lower
 * characters first. The unit here is 0x10000 instead of 256 so that characters beyond Latin-1 keep
 * the same (size, lowest character) order; for ASCII the order is identical.
 */
final class PatternPosition implements Comparable<PatternPosition> {

    enum Kind { CHARS, ONE_OR_MORE, ZERO_OR_MORE, END }

    private static final long SIZE_UNIT = 0x10000L;

    static final PatternPosition ONE_OR_MORE = new PatternPosition(Kind.ONE_OR_MORE, new BitSet(), 0x180 * SIZE_UNIT);
    static final PatternPosition ZERO_OR_MORE = new PatternPosition(Kind.ZERO_OR_MORE, new BitSet(), 0x280 * SIZE_UNIT);
    static final PatternPosition END = new PatternPosition(Kind.END, new BitSet(), 0x300 * SIZE_UNIT);
    static final PatternPosition DIGIT = chars(range('0', '9'));
    static final PatternPosition NON_ZERO = chars(range('1', '9'));
    static final PatternPosition TWO_TO_NINE = chars(range('2', '9'));

    private final Kind kind;
    private final BitSet set;
    private final long cost;

    private PatternPosition(Kind kind, BitSet set, long cost) {
        this.kind = kind;
        this.set = set;
        this.cost = cost;
    }

    /** A non-empty set of characters; the caller hands the set over and must not change it. */
    static PatternPosition chars(BitSet set) {
        return new PatternPosition(Kind.CHARS, set, set.cardinality() * SIZE_UNIT + set.nextSetBit(0));
    }

    static PatternPosition literal(char c) {
        BitSet one = new BitSet();
        one.set(c);
        return chars(one);
    }

    static BitSet range(char first, char last) {
        BitSet set = new BitSet();
        set.set(first, last + 1);
        return set;
    }

    Kind kind() {
        return kind;
    }

    boolean accepts(char c) {
        return kind == Kind.CHARS && set.get(c);
    }

    /** The lowest character of a set; -1 for {@code .}, {@code !} and the end. */
    int lowest() {
        return set.nextSetBit(0);
    }

    /** True when this set holds every character of the other set. */
    boolean holdsAllOf(PatternPosition other) {
        for (int c = other.set.nextSetBit(0); c >= 0; c = other.set.nextSetBit(c + 1)) {
            if (!set.get(c)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int compareTo(PatternPosition other) {
        int byCost = Long.compare(cost, other.cost);
        if (byCost != 0 || set.equals(other.set)) {
            return byCost;
        }
        BitSet differing = (BitSet) set.clone();
        differing.xor(other.set);
        int lowest = differing.nextSetBit(0);
        if (lowest < 0) {
            return 0;
        }
        return set.get(lowest) ? -1 : 1;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PatternPosition p && p.kind == kind && p.set.equals(set);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + set.hashCode();
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ONE_OR_MORE -> ".";
            case ZERO_OR_MORE -> "!";
            case END -> "<end>";
            case CHARS -> set.toString();
        };
    }
}
