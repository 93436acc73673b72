package org.strowger.pbx.internal.config;

/**
 * Removes comments from the lines of one file: {@code ;} to the end of the line, {@code \;} for a
 * literal semicolon, and nestable {@code ;-- ... --;} blocks that may span lines ({@code ;---} and
 * longer runs of dashes are ordinary line comments, as in Asterisk).
 */
final class CommentStripper {

    private int depth;
    private SourceLocation openedAt;

    /** The line without its comments; text before a block and after its end is kept. */
    String strip(String line, SourceLocation at) {
        if (depth == 0 && line.indexOf(';') < 0) {
            return line; // no comment can start, and outside a block every character is kept
        }
        StringBuilder kept = new StringBuilder(line.length());
        int i = 0;
        while (i < line.length()) {
            if (opensBlock(line, i)) {
                if (depth++ == 0) {
                    openedAt = at;
                }
                i += 3;
            } else if (depth > 0) {
                if (line.startsWith("--;", i)) {
                    depth--;
                    i += 3;
                } else {
                    i++;
                }
            } else if (line.startsWith("\\;", i)) {
                kept.append(';');
                i += 2;
            } else if (line.charAt(i) == ';') {
                break;
            } else {
                kept.append(line.charAt(i++));
            }
        }
        return kept.toString();
    }

    private static boolean opensBlock(String line, int i) {
        return line.startsWith(";--", i) && !line.startsWith("-", i + 3);
    }

    /** True while a block comment is open (at the end of a file this is an error). */
    boolean insideBlock() {
        return depth > 0;
    }

    /** Where the outermost open block comment began. */
    SourceLocation openedAt() {
        return openedAt;
    }
}
