package org.strowger.sip.internal.stack;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the raw octets of one SIP message show before JAIN-SIP's parser normalises them: the
 * start line's SIP-Version, how often the headers that must occur once occur, and where the
 * header section ends. Pure and allocation-light; never throws for any input.
 *
 * <p>Lines are split the way {@code gov.nist.javax.sip.parser.StringMsgParser} (1.3.0-91) splits
 * them, so both see the same start line: leading octets below 0x20 (as a signed byte, so also
 * 0x80-0xFF) are skipped, a line ends at CR, LF or CRLF, lines starting with SP or HTAB continue
 * the previous header, and the first empty line ends the header section.
 *
 * @param startLine the start line, decoded as ISO-8859-1 (one char per octet), without its terminator
 * @param response true for a status line (its first token starts with {@code SIP/}, any case)
 * @param version the start line's SIP-Version token as sent ({@code SIP/7.0}), "" if there is none
 * @param repeated which of Call-ID, CSeq, From, To, Max-Forwards occur more than once (long or compact form)
 * @param contentLengths how many Content-Length header fields ({@code Content-Length} or {@code l})
 * @param bodyOffset offset of the first octet after the empty line ending the header section, or -1
 */
record RawScan(String startLine, boolean response, String version, List<String> repeated, int contentLengths,
        int bodyOffset) {

    static final String SIP_2_0 = "SIP/2.0";

    /** Headers RFC 3261 allows once only, in the order they are reported. */
    private static final String[] SINGLE = {"Call-ID", "CSeq", "From", "To", "Max-Forwards"};

    /** True unless the version is SIP/2.0 (SIP-Version is case-insensitive, RFC 3261 section 7.1). */
    boolean badVersion() {
        return !SIP_2_0.equalsIgnoreCase(version);
    }

    /**
     * True if the version has the SIP-Version shape ({@code SIP/1*DIGIT.1*DIGIT}, a few digits at
     * most), so it can be echoed in a reason phrase.
     */
    boolean versionIsWellFormed() {
        return version.matches("(?i)SIP/[0-9]{1,3}\\.[0-9]{1,3}");
    }

    /**
     * Scans a message. Returns null if the octets hold nothing but control characters (a
     * keep-alive or an empty datagram: JAIN-SIP's parser returns null for those too).
     */
    static RawScan of(byte[] octets) {
        int length = octets.length;
        int i = 0;
        while (i < length && octets[i] < 0x20) { // signed on purpose: same skip as StringMsgParser
            i++;
        }
        if (i == length) {
            return null;
        }
        int[] counts = new int[SINGLE.length];
        int contentLengths = 0;
        String startLine = null;
        int bodyOffset = -1;
        while (i < length) {
            int start = i;
            while (i < length && octets[i] != '\r' && octets[i] != '\n') {
                i++;
            }
            int end = i;
            if (i < length) {
                i += (octets[i] == '\r' && i + 1 < length && octets[i + 1] == '\n') ? 2 : 1;
            }
            if (startLine == null) {
                startLine = new String(octets, start, end - start, StandardCharsets.ISO_8859_1);
                continue;
            }
            if (end == start) {
                bodyOffset = i;
                break;
            }
            if (octets[start] == ' ' || octets[start] == '\t') {
                continue; // folded continuation of the previous header
            }
            String name = headerName(octets, start, end);
            if (name == null) {
                continue;
            }
            switch (name) {
                case "call-id", "i" -> counts[0]++;
                case "cseq" -> counts[1]++;
                case "from", "f" -> counts[2]++;
                case "to", "t" -> counts[3]++;
                case "max-forwards" -> counts[4]++;
                case "content-length", "l" -> contentLengths++;
                default -> {
                    // not counted
                }
            }
        }
        List<String> repeated = new ArrayList<>(0);
        for (int h = 0; h < SINGLE.length; h++) {
            if (counts[h] > 1) {
                repeated.add(SINGLE[h]);
            }
        }
        boolean response = startLine.regionMatches(true, 0, "SIP/", 0, 4);
        return new RawScan(startLine, response, version(startLine, response), List.copyOf(repeated),
                contentLengths, bodyOffset);
    }

    /** True if the octets from {@code offset} on are only SP, HTAB, CR and LF (or there are none). */
    static boolean blankFrom(byte[] octets, int offset) {
        for (int i = Math.max(0, offset); i < octets.length; i++) {
            byte b = octets[i];
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Lower-case header name of a header line (up to ':' minus trailing SP/HTAB), or null. */
    private static String headerName(byte[] octets, int start, int end) {
        int colon = start;
        while (colon < end && octets[colon] != ':') {
            colon++;
        }
        if (colon == end) {
            return null;
        }
        int nameEnd = colon;
        while (nameEnd > start && (octets[nameEnd - 1] == ' ' || octets[nameEnd - 1] == '\t')) {
            nameEnd--;
        }
        if (nameEnd == start || nameEnd - start > 32) {
            return null; // no name, or longer than any name we count
        }
        return new String(octets, start, nameEnd - start, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
    }

    /**
     * Request-Line = Method SP Request-URI SP SIP-Version: the last token (trailing SP/HTAB are
     * tolerated, as the parser tolerates them, RFC 4475 {@code trws}). Status-Line = SIP-Version SP
     * Status-Code SP Reason-Phrase: the first token.
     */
    private static String version(String startLine, boolean response) {
        if (response) {
            int sp = indexOfWhitespace(startLine);
            return sp < 0 ? startLine : startLine.substring(0, sp);
        }
        int end = startLine.length();
        while (end > 0 && isWhitespace(startLine.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && !isWhitespace(startLine.charAt(start - 1))) {
            start--;
        }
        return start == 0 ? "" : startLine.substring(start, end); // a single token has no version
    }

    private static int indexOfWhitespace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isWhitespace(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }
}
