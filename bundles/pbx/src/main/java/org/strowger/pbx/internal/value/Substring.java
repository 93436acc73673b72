package org.strowger.pbx.internal.value;

import java.util.regex.Pattern;

/**
 * The {@code :offset[:length]} suffix of a reference. A negative offset counts from the end (and
 * stops at the start); a negative length drops that many characters from the end; an offset past
 * the end gives "". Offset and length may be templates; they are evaluated, then read as integers.
 * Characters are Unicode code points.
 */
final class Substring {

    /** No suffix: the whole value. */
    static final Substring WHOLE = new Substring(null, null);

    private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

    private final Template offset;
    private final Template length;

    private Substring(Template offset, Template length) {
        this.offset = offset;
        this.length = length;
    }

    /** {@code length} may be null (to the end). Literal bounds must already be valid integers. */
    static Substring of(Template offset, Template length) {
        return new Substring(offset, length);
    }

    String apply(String value, Scope scope, String reference) {
        if (offset == null) {
            return value;
        }
        int from = bound(offset, "offset", scope, reference);
        Integer count = length == null ? null : bound(length, "length", scope, reference);
        return cut(value, from, count);
    }

    /** Cuts {@code value}; {@code length} null means to the end. */
    static String cut(String value, int offset, Integer length) {
        int[] chars = value.codePoints().toArray();
        long size = chars.length;
        long start = offset < 0 ? Math.max(0, size + offset) : offset;
        if (start >= size) {
            return "";
        }
        long end;
        if (length == null) {
            end = size;
        } else if (length >= 0) {
            end = Math.min(size, start + length);
        } else {
            end = size + length;
        }
        if (end <= start) {
            return "";
        }
        return new String(chars, (int) start, (int) (end - start));
    }

    /** The integer {@code text} spells (surrounding blanks allowed), clamped to int; null if it is not one. */
    static Integer parseInteger(String text) {
        String trimmed = text.strip();
        if (!INTEGER.matcher(trimmed).matches()) {
            return null;
        }
        try {
            long value = Long.parseLong(trimmed);
            return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
        } catch (NumberFormatException tooManyDigits) {
            return trimmed.startsWith("-") ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        }
    }

    private static int bound(Template bound, String what, Scope scope, String reference) {
        String text = bound.evaluate(scope);
        Integer value = parseInteger(text);
        if (value == null) {
            throw new DialplanEvaluationException("The substring " + what + " of " + reference
                    + " must be an integer, but it evaluated to '" + text + "'");
        }
        return value;
    }
}
