package org.strowger.sip.internal.torture;

import gov.nist.javax.sip.header.CSeq;
import gov.nist.javax.sip.header.CallID;
import gov.nist.javax.sip.header.ContentLength;
import gov.nist.javax.sip.header.From;
import gov.nist.javax.sip.header.RequestLine;
import gov.nist.javax.sip.header.StatusLine;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.header.Via;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParser;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs one datagram through JAIN-SIP's message parser the way the stack's own UDP channel does in
 * 1.3.0-91: {@code parseSIPMessage(bytes, readBody = true, strict = false, listener)}, with a
 * listener that applies the same policy as {@code UDPMessageChannel.handleException}: a parse
 * error in the start line or in one of the headers the stack cannot live without aborts the
 * message; an error in any other header only drops that header.
 */
final class JainSipProbe {

    /** What the parser did with a message. */
    enum Verdict {
        /** Parsed without any header error. */
        ACCEPTS,
        /** Parsed, but at least one non-essential header failed to parse and was dropped. */
        ACCEPTS_DROPPING_HEADERS,
        /** {@code ParseException} (or no message at all): the stack never hands it to the driver. */
        REJECTS,
        /** Any other exception escaped the parser: never acceptable, whatever the input. */
        CRASHES
    }

    /** Outcome of one parse. {@code message} is null unless the verdict is an ACCEPTS one. */
    record Outcome(Verdict verdict, SIPMessage message, String error, List<String> droppedHeaders) {

        String describe() {
            return switch (verdict) {
                case ACCEPTS -> "accepts";
                case ACCEPTS_DROPPING_HEADERS -> "accepts, drops " + droppedHeaders;
                case REJECTS, CRASHES -> verdict.name().toLowerCase() + ": " + error;
            };
        }
    }

    /** Header classes whose parse failure makes the stack's message channels drop the message. */
    private static final Set<Class<?>> ESSENTIAL = Set.of(
            RequestLine.class, StatusLine.class, From.class, To.class,
            CSeq.class, Via.class, CallID.class, ContentLength.class);

    private JainSipProbe() {
    }

    static Outcome parseDatagram(byte[] datagram) {
        List<String> dropped = new ArrayList<>();
        ParseExceptionListener stackPolicy = (error, message, headerClass, headerText, messageText) -> {
            if (headerClass == null || ESSENTIAL.contains(headerClass)) {
                throw error;
            }
            dropped.add(headerText.trim());
        };
        try {
            SIPMessage message = new StringMsgParser().parseSIPMessage(datagram, true, false, stackPolicy);
            if (message == null) {
                return new Outcome(Verdict.REJECTS, null, "parser returned no message", List.of());
            }
            Verdict verdict = dropped.isEmpty() ? Verdict.ACCEPTS : Verdict.ACCEPTS_DROPPING_HEADERS;
            return new Outcome(verdict, message, null, List.copyOf(dropped));
        } catch (ParseException e) {
            return new Outcome(Verdict.REJECTS, null, oneLine(e.getMessage()), List.of());
        } catch (RuntimeException e) {
            return new Outcome(Verdict.CRASHES, null, e.getClass().getName() + ": " + oneLine(e.getMessage()),
                    List.of());
        }
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "(no message)";
        }
        String flat = text.replaceAll("\\s+", " ").trim();
        // JAIN-SIP's lexer errors start with the char[] identity ("[C@1a2b3c ..."): noise, and unstable.
        flat = flat.replaceFirst("^\\[C@\\p{XDigit}+\\s*", "");
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }
}
