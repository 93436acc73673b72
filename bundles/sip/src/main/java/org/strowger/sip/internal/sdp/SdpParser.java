package org.strowger.sip.internal.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads an SDP body line by line. Strict about the lines offer/answer depends on ({@code v o c m}
 * and {@code rtpmap}), lenient about everything else: unknown line types are skipped and unknown
 * attributes kept verbatim. One instance parses one body.
 */
final class SdpParser {

    private final String body;
    private int lineNumber;
    private String currentLine;

    private Origin origin;
    private String sessionName;
    private String sessionConnection;
    private String timing;
    private Direction sessionDirection;
    private final List<String> sessionAttributes = new ArrayList<>();
    private final List<PendingMedia> media = new ArrayList<>();

    /** A media section under construction, with what it declared itself (session defaults come last). */
    private static final class PendingMedia {
        final MediaDescription.Builder builder;
        Direction direction;

        PendingMedia(MediaDescription.Builder builder) {
            this.builder = builder;
        }
    }

    SdpParser(String body) {
        this.body = body;
    }

    SessionDescription parse() throws SdpException {
        if (body == null || body.isBlank()) {
            throw new SdpException("empty SDP body");
        }
        String[] lines = body.split("\r\n|\n|\r", -1);
        boolean sawVersion = false;
        for (int i = 0; i < lines.length; i++) {
            lineNumber = i + 1;
            currentLine = lines[i];
            String line = currentLine.strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.length() < 2 || line.charAt(1) != '=') {
                throw error("is not <type>=<value>");
            }
            char type = line.charAt(0);
            String value = line.substring(2).strip();
            if (!sawVersion) {
                if (type != 'v' || !"0".equals(value)) {
                    throw error("must be v=0: an SDP body starts with its version");
                }
                sawVersion = true;
                continue;
            }
            readLine(type, value);
        }
        if (origin == null) {
            throw new SdpException("SDP has no o= line");
        }
        List<MediaDescription> built = new ArrayList<>(media.size());
        for (PendingMedia pending : media) {
            built.add(finish(pending));
        }
        return new SessionDescription(origin, sessionName == null ? "-" : sessionName, sessionConnection,
                timing == null ? "0 0" : timing, sessionAttributes, built);
    }

    private void readLine(char type, String value) throws SdpException {
        switch (type) {
            case 'o':
                origin = parseOrigin(value);
                break;
            case 's':
                if (sessionName == null) {
                    sessionName = value;
                }
                break;
            case 't':
                if (timing == null) {
                    timing = value;
                }
                break;
            case 'c':
                String address = parseConnection(value);
                if (media.isEmpty()) {
                    sessionConnection = address;
                } else {
                    currentMedia().builder.connectionAddress(address);
                }
                break;
            case 'm':
                media.add(new PendingMedia(parseMediaLine(value)));
                break;
            case 'a':
                if (value.isEmpty()) {
                    break;
                }
                if (media.isEmpty()) {
                    readSessionAttribute(value);
                } else {
                    readMediaAttribute(currentMedia(), value);
                }
                break;
            default:
                // v (repeated), i, u, e, p, b, z, k, r and anything newer: nothing offer/answer needs
                break;
        }
    }

    private Origin parseOrigin(String value) throws SdpException {
        String[] fields = value.split("\\s+");
        int count = fields.length;
        if (count < 6) {
            throw error("needs 6 fields: <username> <session id> <version> IN <IP4|IP6> <address>");
        }
        // some phones put spaces in the user name: the last five fields are the fixed ones
        String username = String.join(" ", java.util.Arrays.copyOfRange(fields, 0, count - 5));
        return new Origin(username, fields[count - 5], fields[count - 4], fields[count - 1]);
    }

    private String parseConnection(String value) throws SdpException {
        String[] fields = value.split("\\s+");
        if (fields.length != 3 || !fields[0].equalsIgnoreCase("IN")) {
            throw error("needs 3 fields: IN <IP4|IP6> <address>");
        }
        String address = fields[2];
        int slash = address.indexOf('/');
        // multicast TTL and address count: we only ever unicast, so keep the address alone
        return slash >= 0 ? address.substring(0, slash) : address;
    }

    private MediaDescription.Builder parseMediaLine(String value) throws SdpException {
        String[] fields = value.split("\\s+");
        if (fields.length < 3) {
            throw error("needs <media> <port> <protocol> <formats...>");
        }
        String portField = fields[1];
        int portCount = 1;
        int slash = portField.indexOf('/');
        if (slash >= 0) {
            portCount = SdpNumbers.smallNumber(portField.substring(slash + 1));
            portField = portField.substring(0, slash);
            if (portCount < 1) {
                throw error("port count '" + fields[1] + "' is not <port>/<count>");
            }
        }
        int port = SdpNumbers.smallNumber(portField);
        if (port < 0 || port > 65535) {
            throw error("port '" + portField + "' is not a number in 0-65535");
        }
        MediaDescription.Builder builder = MediaDescription.builder(fields[0], port, fields[2]).portCount(portCount);
        for (int i = 3; i < fields.length; i++) {
            builder.format(fields[i]);
        }
        return builder;
    }

    private void readSessionAttribute(String value) {
        Optional<Direction> direction = Direction.fromAttribute(value);
        if (direction.isPresent()) {
            sessionDirection = direction.get();
        } else {
            sessionAttributes.add(value);
        }
    }

    private void readMediaAttribute(PendingMedia pending, String value) throws SdpException {
        Optional<Direction> direction = Direction.fromAttribute(value);
        if (direction.isPresent()) {
            pending.direction = direction.get();
            return;
        }
        int colon = value.indexOf(':');
        String name = colon < 0 ? value : value.substring(0, colon);
        String argument = colon < 0 ? "" : value.substring(colon + 1).strip();
        boolean understood;
        if (name.equalsIgnoreCase("rtpmap")) {
            pending.builder.rtpmap(parseRtpmap(argument));
            understood = true;
        } else if (name.equalsIgnoreCase("fmtp")) {
            understood = readFmtp(pending, argument);
        } else if (name.equalsIgnoreCase("ptime")) {
            understood = readPtime(pending, argument);
        } else {
            understood = false;
        }
        if (!understood) {
            pending.builder.attribute(value);
        }
    }

    /** {@code 96 opus/48000/2}. */
    private PayloadFormat parseRtpmap(String argument) throws SdpException {
        String[] parts = argument.split("\\s+", 2);
        Integer payloadType = SdpNumbers.payloadType(parts[0]);
        if (payloadType == null) {
            throw error("rtpmap payload type '" + parts[0] + "' is not a number in 0-127");
        }
        if (parts.length < 2) {
            throw error("rtpmap needs <payload type> <encoding>/<clock rate>");
        }
        String[] encoding = parts[1].strip().split("/");
        int clockRate = encoding.length >= 2 ? SdpNumbers.smallNumber(encoding[1]) : -1;
        if (encoding[0].isEmpty() || clockRate <= 0) {
            throw error("rtpmap encoding '" + parts[1] + "' is not <name>/<clock rate>[/<channels>]");
        }
        int channels = encoding.length >= 3 ? SdpNumbers.smallNumber(encoding[2]) : 1;
        if (channels <= 0) {
            throw error("rtpmap channels '" + encoding[2] + "' is not a positive number");
        }
        return new PayloadFormat(payloadType, encoding[0], clockRate, channels, null);
    }

    /** {@code 101 0-16}; anything else is kept as a plain attribute (fmtp also serves non-RTP media). */
    private static boolean readFmtp(PendingMedia pending, String argument) {
        String[] parts = argument.split("\\s+", 2);
        Integer payloadType = SdpNumbers.payloadType(parts[0]);
        if (payloadType == null || parts.length < 2) {
            return false;
        }
        pending.builder.fmtp(payloadType, parts[1].strip());
        return true;
    }

    /** {@code 20}, tolerating {@code 20.0} as some phones write it. */
    private static boolean readPtime(PendingMedia pending, String argument) {
        int dot = argument.indexOf('.');
        int milliseconds = SdpNumbers.smallNumber(dot >= 0 ? argument.substring(0, dot) : argument);
        if (milliseconds <= 0) {
            return false;
        }
        pending.builder.ptime(milliseconds);
        return true;
    }

    private MediaDescription finish(PendingMedia pending) {
        Direction direction = pending.direction != null ? pending.direction
                : sessionDirection != null ? sessionDirection : Direction.SENDRECV;
        pending.builder.direction(direction);
        if (!pending.builder.hasConnectionAddress()) {
            pending.builder.connectionAddress(sessionConnection);
        }
        return pending.builder.build();
    }

    private PendingMedia currentMedia() {
        return media.get(media.size() - 1);
    }

    private SdpException error(String problem) {
        return new SdpException("SDP line " + lineNumber + " '" + currentLine.strip() + "' " + problem);
    }
}
