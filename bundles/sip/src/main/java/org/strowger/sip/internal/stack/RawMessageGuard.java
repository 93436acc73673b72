package org.strowger.sip.internal.stack;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.DatagramPacket;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import javax.sip.message.Request;
import javax.sip.message.Response;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.header.To;
import gov.nist.javax.sip.message.SIPMessage;
import gov.nist.javax.sip.message.SIPRequest;
import gov.nist.javax.sip.message.SIPResponse;
import gov.nist.javax.sip.parser.MessageParser;
import gov.nist.javax.sip.parser.MessageParserFactory;
import gov.nist.javax.sip.parser.ParseExceptionListener;
import gov.nist.javax.sip.parser.StringMsgParserFactory;
import gov.nist.javax.sip.stack.MessageChannel;
import gov.nist.javax.sip.stack.SIPTransactionStack;
import gov.nist.javax.sip.stack.UDPMessageChannel;

/**
 * Checks every received SIP message on its raw octets before JAIN-SIP's parser hides what is
 * wrong with it (RFC 4475 {@code badvers}, {@code multi01}, {@code mcl01}, {@code inv2543}; see
 * {@code src/test/resources/rfc4475/README.md}, checks 13-16), and logs, rate-limited, every
 * message the parser or these checks reject, with the source address:port and the reason.
 *
 * <h2>The hook</h2>
 * A {@link MessageParserFactory} decorator set on the stack instance with
 * {@link SIPTransactionStack#setMessageParserFactory} (public in JAIN-SIP 1.3.0-91) right after
 * {@code new SipStackImpl(properties)}, before the first listening point: no class is loaded by
 * name, so nothing has to live in the JAIN-SIP wrap bundle, and all state (the drop log) belongs
 * to this instance. Each message channel asks the factory for its parser once, when it is created:
 * the {@code UDPMessageChannel} workers are created by the UDP processor's thread, which
 * {@code createListeningPoint} starts, and {@code PipelinedMsgParser}'s constructor runs for each
 * TCP/TLS connection. Installed any later, the guard would miss (or race with) the UDP workers.
 *
 * <h2>Which parses are checked</h2>
 * The channels pass themselves as the {@link ParseExceptionListener} ({@code UDPMessageChannel},
 * and {@code TCPMessageChannel}/{@code TLSMessageChannel} through {@code PipelinedMsgParser}); the
 * stack's internal re-parses of bytes it encoded itself (transactions, dialogs, aggressive
 * cleanup) pass {@code null}. So a parse whose listener is a {@link MessageChannel} is a message
 * from the network, anything else goes straight to the wrapped parser. (The NIO TCP processor,
 * {@code NioPipelineParser}, passes {@code null} too and is therefore not checked; the driver uses
 * the default OIO processors.)
 *
 * <h2>What happens to a failed message</h2>
 * <ul>
 * <li>Version not SIP/2.0, request with Via, From, To, Call-ID and CSeq, not ACK: the parsed
 * request's version (which the parser reports as SIP/2.0 whatever was sent) is set back to the one
 * on the wire, so the channel's own check ({@code getSipVersion().equals("SIP/2.0")} in
 * {@code UDPMessageChannel.processIncomingDataPacket} and
 * {@code ConnectionOrientedMessageChannel.processMessage}) answers 505 statelessly, to the source
 * of the datagram or on the connection. A response, an ACK or a request lacking one of those
 * headers is dropped (UDP) or its connection closed (TCP).</li>
 * <li>Repeated Call-ID/CSeq/From/To/Max-Forwards or more than one Content-Length over UDP: a
 * request with Via, From, To, Call-ID and CSeq, not ACK, is answered a stateless 400, built from
 * the parsed request ({@code SIPRequest.createResponse}, plus a To tag) and sent with the receiving
 * channel's public {@code MessageChannel.sendMessage(SIPMessage, InetAddress, int)}, i.e. from the
 * listening socket ({@code UDPMessageProcessor.sock}), to the datagram's source address and port;
 * the parser then returns null, which the channel drops silently. Anything else is dropped. (Not
 * JAIN-SIP's automatic 400 for unparsable datagrams, {@code MessageChannel.createBadReqRes}: it
 * is malformed in 1.3.0-91, an empty line after its Content-Type puts its Content-Length into the
 * body, it echoes the whole request back as message/sipfrag, and it cannot be built when Via,
 * From, To or Call-ID use the compact form. It stays the fallback if the source port is unknown,
 * reached by throwing a {@link ParseException}.)</li>
 * <li>The same over TCP/TLS: more than one Content-Length loses the framing, and a repeated header
 * cannot be refused without reading the body (the parser is given the header section only): the
 * connection is closed, as JAIN-SIP's {@code TCPMessageChannel.handleException} does for
 * malformed mandatory headers.</li>
 * <li>UDP message without Content-Length: the rest of the datagram becomes the body (RFC 3261
 * section 18.3; JAIN-SIP would set Content-Length 0 and lose it), unless it is blank.</li>
 * <li>Parsed message without Via/From/To/Call-ID/CSeq: logged; over UDP the parser returns null
 * (the channel would drop it anyway, with a NullPointerException if CSeq is the missing one); over
 * TCP it is returned, so the channel drops it after reading its body and the framing holds.</li>
 * <li>Request whose CSeq method is not its method: logged and returned; the channels answer it
 * 400 themselves.</li>
 * </ul>
 * Nothing the checks do can throw into the stack: a failure of the guard itself is logged and the
 * message goes to the wrapped parser unchecked. The wrapped parser's own {@link ParseException}s are
 * logged and rethrown unchanged (the channels then do what they always did: over UDP JAIN-SIP's
 * automatic 400 or a drop, over TCP a drop or a closed connection); any other exception it throws
 * is logged and turned into a {@link ParseException} (UDP) or closes the connection (TCP), since
 * the framing is then unknown.
 *
 * <h2>Source port</h2>
 * {@code UDPMessageChannel} sets its peer address from the datagram before parsing, but its port
 * fields only afterwards (from the Via and the packet); the datagram being parsed is in its private
 * field {@code incomingPacket}, set by the channel's worker loop on this thread just before it
 * parses. The guard reads it (reflection, 1.3.0-91) for the 400's destination and the log line's
 * source, and only trusts it if its address is the channel's peer address. If it cannot be read,
 * log lines show port {@code ?} and the raw-check 400 falls back to JAIN-SIP's automatic one.
 */
public final class RawMessageGuard implements MessageParserFactory {

    private static final Logger LOG = LoggerFactory.getLogger(RawMessageGuard.class);

    /** {@code UDPMessageChannel.incomingPacket} (1.3.0-91), or null: the source of the datagram being parsed. */
    private static final Field INCOMING_PACKET = incomingPacketField();

    private static final String[] ANSWER_400_NEEDS = {"Via", "CSeq", "Call-ID", "From", "To"};

    private final MessageParserFactory delegate;
    private final DropLog dropLog;
    private final Function<MessageChannel, InetSocketAddress> datagramSources;

    RawMessageGuard(MessageParserFactory delegate, DropLog dropLog,
            Function<MessageChannel, InetSocketAddress> datagramSources) {
        this.delegate = delegate;
        this.dropLog = dropLog;
        this.datagramSources = datagramSources;
    }

    /**
     * Wraps the stack's message parser factory (the one its properties chose, by default
     * {@link StringMsgParserFactory}). Call right after constructing the stack, before its first
     * {@code createListeningPoint}. Idempotent.
     *
     * @throws IllegalStateException if the stack already has a listening point
     */
    public static RawMessageGuard install(SipStackImpl stack) {
        return install(stack, new DropLog(LOG::warn, System::nanoTime), RawMessageGuard::datagramSource);
    }

    static RawMessageGuard install(SipStackImpl stack, DropLog dropLog,
            Function<MessageChannel, InetSocketAddress> datagramSources) {
        MessageParserFactory current = stack.getMessageParserFactory();
        if (current instanceof RawMessageGuard guard) {
            return guard;
        }
        Iterator<?> points = stack.getListeningPoints();
        if (points != null && points.hasNext()) {
            throw new IllegalStateException("RawMessageGuard must be installed before the first listening point");
        }
        RawMessageGuard guard = new RawMessageGuard(current != null ? current : new StringMsgParserFactory(),
                dropLog, datagramSources);
        stack.setMessageParserFactory(guard);
        return guard;
    }

    @Override
    public MessageParser createMessageParser(SIPTransactionStack stack) {
        return new Guarded(delegate.createMessageParser(stack));
    }

    /** The parser of one channel (or of one internal re-parse): checks, then delegates. */
    private final class Guarded implements MessageParser {

        private final MessageParser parser;

        Guarded(MessageParser parser) {
            this.parser = parser;
        }

        @Override
        public SIPMessage parseSIPMessage(byte[] octets, boolean readBody, boolean strict,
                ParseExceptionListener listener) throws ParseException {
            if (!(listener instanceof MessageChannel channel) || octets == null) {
                return parser.parseSIPMessage(octets, readBody, strict, listener);
            }
            RawScan scan;
            try {
                scan = RawScan.of(octets);
            } catch (RuntimeException e) {
                return unchecked(octets, readBody, strict, channel, e);
            }
            if (scan == null) {
                // control characters only (keep-alive CRLFs): the parser returns null, nothing to log
                return parser.parseSIPMessage(octets, readBody, strict, listener);
            }
            boolean[] parsed = {false};
            try {
                return check(scan, octets, readBody, strict, channel, parsed);
            } catch (RuntimeException e) {
                if (parsed[0]) {
                    // the wrapped parser already ran (and was reported); do not parse twice
                    report(channel, scan, "raw checks failed after parsing (" + e + "); dropped");
                    return null;
                }
                return unchecked(octets, readBody, strict, channel, e);
            }
        }

        private SIPMessage check(RawScan scan, byte[] octets, boolean readBody, boolean strict,
                MessageChannel channel, boolean[] parsed) throws ParseException {
            boolean stream = channel.isReliable();
            if (stream && scan.contentLengths() > 1) {
                return close(channel, scan, scan.contentLengths() + " Content-Length headers (framing lost)");
            }
            if (scan.badVersion()) {
                String reason = "version " + printable(scan.version(), 20) + " is not SIP/2.0";
                if (scan.response()) {
                    return refuse(channel, scan, reason + " (response)");
                }
                parsed[0] = true;
                // refused whatever its body: parse the headers only, so a body that does not fit its
                // Content-Length cannot turn the 505 into a parse error
                SIPMessage message = parse(octets, false, strict, channel, scan);
                if (message == null) {
                    return null;
                }
                String missing = missingHeader(message);
                if (message instanceof SIPRequest request && missing == null && scan.versionIsWellFormed()
                        && !Request.ACK.equalsIgnoreCase(request.getMethod())) {
                    // the channel's own version check now sees the truth and answers 505 statelessly
                    request.getRequestLine().setSipVersion(scan.version());
                    report(channel, scan, "rejected: " + reason + "; answered 505 Version Not Supported");
                    return request;
                }
                String unanswerable = missing != null ? ", no " + missing + " header"
                        : !(message instanceof SIPRequest) ? ""
                        : !scan.versionIsWellFormed() ? " (not of the form SIP/x.y)"
                        : " (ACK, never answered)";
                return refuse(channel, scan, reason + unanswerable);
            }
            if (!scan.repeated().isEmpty() || scan.contentLengths() > 1) {
                StringBuilder reason = new StringBuilder();
                if (!scan.repeated().isEmpty()) {
                    reason.append("repeated ").append(String.join(", ", scan.repeated()));
                }
                if (scan.contentLengths() > 1) {
                    reason.append(reason.length() > 0 ? "; " : "").append(scan.contentLengths())
                            .append(" Content-Length headers");
                }
                if (stream) {
                    return close(channel, scan, reason.toString());
                }
                parsed[0] = true;
                // headers only: the Content-Length the parser would check the body against is in doubt
                SIPMessage message = parse(octets, false, strict, channel, scan);
                return message == null ? null : answer400(channel, scan, octets, message, reason.toString());
            }
            parsed[0] = true;
            SIPMessage message = parse(octets, readBody, strict, channel, scan);
            if (message == null) {
                return null;
            }
            String missing = missingHeader(message);
            if (missing != null) {
                report(channel, scan, "rejected: no " + missing + " header; dropped");
                return stream ? message : null;
            }
            if (message instanceof SIPRequest request
                    && !request.getMethod().equalsIgnoreCase(request.getCSeq().getMethod())) {
                // the channels answer this one themselves (400, RFC 4475 mismatch01), silently: say so
                report(channel, scan, "rejected: CSeq method " + printable(request.getCSeq().getMethod(), 30)
                        + " is not the request's; JAIN-SIP answers 400");
            }
            if (!stream && readBody && scan.contentLengths() == 0 && scan.bodyOffset() > 0
                    && !RawScan.blankFrom(octets, scan.bodyOffset())) {
                // RFC 3261 18.3: over UDP, without Content-Length the body is the rest of the datagram
                message.setMessageContent(Arrays.copyOfRange(octets, scan.bodyOffset(), octets.length));
            }
            return message;
        }

        /** The wrapped parser, its failures logged (and non-ParseException failures contained). */
        private SIPMessage parse(byte[] octets, boolean readBody, boolean strict, MessageChannel channel,
                RawScan scan) throws ParseException {
            try {
                return parser.parseSIPMessage(octets, readBody, strict, (ParseExceptionListener) channel);
            } catch (ParseException e) {
                report(channel, scan, "rejected by the parser: " + printable(withoutArrayNames(e.getMessage()), 120) + "; "
                        + (channel.isReliable() ? "dropped" : udpOutcome(octets)));
                throw e;
            } catch (RuntimeException e) {
                String reason = "parser failed: " + e.getClass().getSimpleName() + ": " + printable(e.getMessage(), 100);
                if (channel.isReliable()) {
                    return close(channel, scan, reason);
                }
                report(channel, scan, "rejected: " + reason + "; " + udpOutcome(octets));
                ParseException parseException = new ParseException("malformed message", 0);
                parseException.initCause(e);
                throw parseException;
            }
        }

        private SIPMessage unchecked(byte[] octets, boolean readBody, boolean strict, MessageChannel channel,
                RuntimeException failure) throws ParseException {
            try {
                report(channel, null, "not checked, raw checks failed: " + failure + "; passed to the parser");
            } catch (RuntimeException ignored) {
                // nothing more we can do; the message still goes to the parser
            }
            return parser.parseSIPMessage(octets, readBody, strict, (ParseExceptionListener) channel);
        }
    }

    /**
     * Answers a UDP request that failed a raw check with a stateless 400 built from the parsed
     * request, sent from the listening socket to the datagram's source; drops anything that cannot
     * or must not be answered (responses, ACK, a missing mandatory header).
     */
    private SIPMessage answer400(MessageChannel channel, RawScan scan, byte[] octets, SIPMessage message,
            String reason) throws ParseException {
        String missing = missingHeader(message);
        if (!(message instanceof SIPRequest request) || missing != null
                || Request.ACK.equalsIgnoreCase(request.getMethod())) {
            return refuse(channel, scan, reason + (missing != null ? ", no " + missing + " header"
                    : message instanceof SIPRequest ? " (ACK, never answered)" : " (response)"));
        }
        InetSocketAddress peer = datagramSources.apply(channel);
        if (peer == null) {
            // source port unknown (not this JAIN-SIP version?): fall back on the UDP channel's own
            // automatic 400 for unparsable requests (createBadReqRes). JAIN-SIP puts this text into
            // its reason phrase; lower case keeps "To" out of it (createBadReqRes looks for "To" in
            // the response it builds to decide whether the To header has a tag)
            report(channel, scan, "rejected: " + reason + "; " + udpOutcome(octets));
            throw new ParseException(reason.toLowerCase(Locale.ROOT), 0);
        }
        SIPResponse response = request.createResponse(Response.BAD_REQUEST, "Bad Request (" + reason + ")");
        To to = (To) response.getTo();
        if (to.getTag() == null) {
            to.setTag(Long.toHexString(ThreadLocalRandom.current().nextLong() | Long.MIN_VALUE));
        }
        try {
            channel.sendMessage(response, peer.getAddress(), peer.getPort());
            report(channel, scan, "rejected: " + reason + "; answered 400 Bad Request");
        } catch (IOException | RuntimeException e) {
            report(channel, scan, "rejected: " + reason + "; dropped, the 400 could not be sent: " + e);
        }
        return null;
    }

    /** Drops the message: over UDP by returning null, over a stream by also closing the connection. */
    private SIPMessage refuse(MessageChannel channel, RawScan scan, String reason) {
        if (channel.isReliable()) {
            return close(channel, scan, reason);
        }
        report(channel, scan, "rejected: " + reason + "; dropped");
        return null;
    }

    private SIPMessage close(MessageChannel channel, RawScan scan, String reason) {
        report(channel, scan, "rejected: " + reason + "; connection closed");
        try {
            channel.close();
        } catch (RuntimeException e) {
            LOG.debug("closing {} failed", channel, e);
        }
        return null;
    }

    private void report(MessageChannel channel, RawScan scan, String what) {
        String line = scan == null ? what : what + "; start line \"" + printable(scan.startLine(), 100) + '"';
        dropLog.report(source(channel), line);
    }

    /** What the UDP channel does with a ParseException (UDPMessageChannel + MessageChannel.createBadReqRes). */
    static String udpOutcome(byte[] octets) {
        return stackAnswers400(octets) ? "JAIN-SIP answered 400" : "dropped";
    }

    /**
     * Mirrors JAIN-SIP 1.3.0-91: after a ParseException the UDP channel answers 400 unless the
     * datagram (as text, from its first octet) starts with "SIP/" or "ACK", and
     * {@code createBadReqRes} only builds one if "Via", "CSeq", "Call-ID", "From" and "To" each
     * occur, followed somewhere by CRLF (long header names only).
     */
    static boolean stackAnswers400(byte[] octets) {
        String text = new String(octets, StandardCharsets.ISO_8859_1);
        if (text.startsWith("SIP/") || text.startsWith("ACK")) {
            return false;
        }
        for (String name : ANSWER_400_NEEDS) {
            int at = text.indexOf(name);
            if (at < 0 || text.indexOf("\r\n", at) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The first mandatory header the message lacks (the channels drop such messages), or null. */
    static String missingHeader(SIPMessage message) {
        if (message.getTopmostVia() == null) {
            return "Via";
        }
        if (message.getFrom() == null) {
            return "From";
        }
        if (message.getTo() == null) {
            return "To";
        }
        if (message.getCallId() == null) {
            return "Call-ID";
        }
        if (message.getCSeq() == null) {
            return "CSeq";
        }
        return null;
    }

    /** {@code 192.0.2.1:5060/UDP}, {@code [2001:db8::1]:5061/TCP}. */
    private String source(MessageChannel channel) {
        try {
            String transport = String.valueOf(channel.getTransport()).toUpperCase(Locale.ROOT);
            if (!channel.isReliable()) {
                InetSocketAddress peer = datagramSources.apply(channel);
                if (peer != null) {
                    return hostPort(peer.getAddress().getHostAddress(), peer.getPort()) + '/' + transport;
                }
            }
            int port = channel.isReliable() ? channel.getPeerPort() : -1; // a UDP channel's port is stale here
            return hostPort(channel.getPeerAddress(), port) + '/' + transport;
        } catch (RuntimeException e) {
            return "(unknown source)";
        }
    }

    /**
     * The source of the datagram a UDP channel is parsing, or null if unknown: the channel's
     * {@code incomingPacket} (set by its worker loop just before it parses, on this thread), if it
     * agrees with the peer address the channel set from that packet before parsing.
     */
    static InetSocketAddress datagramSource(MessageChannel channel) {
        if (INCOMING_PACKET == null || !(channel instanceof UDPMessageChannel)) {
            return null;
        }
        try {
            if (INCOMING_PACKET.get(channel) instanceof DatagramPacket packet && packet.getAddress() != null
                    && packet.getPort() > 0
                    && packet.getAddress().getHostAddress().equals(channel.getPeerAddress())) {
                return new InetSocketAddress(packet.getAddress(), packet.getPort());
            }
        } catch (IllegalAccessException | RuntimeException e) {
            // fall through
        }
        return null;
    }

    private static String hostPort(String host, int port) {
        String h = host == null ? "?" : host.indexOf(':') >= 0 && !host.startsWith("[") ? '[' + host + ']' : host;
        return h + ':' + (port > 0 ? Integer.toString(port) : "?");
    }

    /**
     * One line of printable ASCII (log lines and reason phrases carry peer data): whitespace runs
     * become one space, other octets outside 0x21-0x7E become '?', cut at {@code max} characters.
     */
    /** JAIN-SIP puts a char[]'s identity ("[C@6e0388c4") into some parse errors: noise in a log line. */
    static String withoutArrayNames(String text) {
        return text == null ? null : text.replaceAll("\\[C@[0-9a-f]+\\s*", "");
    }

    static String printable(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 3);
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                space = out.length() > 0;
                continue;
            }
            if (out.length() + (space ? 1 : 0) >= max) {
                return out.append("...").toString();
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            out.append(c >= 0x21 && c < 0x7f ? c : '?');
        }
        return out.toString();
    }

    private static Field incomingPacketField() {
        try {
            Field field = UDPMessageChannel.class.getDeclaredField("incomingPacket");
            if (field.getType() != DatagramPacket.class) {
                return null;
            }
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debug("UDPMessageChannel.incomingPacket not readable: no UDP source port in log lines, raw-check 400s left to JAIN-SIP", e);
            return null;
        }
    }
}
