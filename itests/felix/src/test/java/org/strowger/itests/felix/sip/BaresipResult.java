package org.strowger.itests.felix.sip;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What baresip logged, read from its console output (baresip 1.0 wording):
 * <ul>
 * <li>registration: {@code alice@127.0.0.1: {0/UDP/v4} 200 OK (...) [1 binding]}, refusal:
 * {@code reg: sip:alice@127.0.0.1:5080: 403 Forbidden (...)};</li>
 * <li>calls: {@code Call established: sip:600@...}, {@code incoming rtp for 'audio' established},
 * {@code Call with sip:... terminated (duration: 2 secs)} or {@code ...: session closed: REASON}.</li>
 * </ul>
 */
public final class BaresipResult {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    private static final Pattern REGISTERED = Pattern.compile("\\{\\d+/\\w+/v\\d\\} (\\d{3}) [^\\[]*\\[(\\d+) binding");
    private static final Pattern REFUSED = Pattern.compile("reg: \\S+: (\\d{3}) ");
    private static final Pattern ESTABLISHED = Pattern.compile("Call established: (\\S+)");
    private static final Pattern CLOSED = Pattern.compile("(terminated \\(duration: \\d+ secs?\\))|(session closed: .*)");
    private static final Pattern RTP = Pattern.compile("incoming rtp for 'audio' established");
    private static final Pattern INCOMING = Pattern.compile("Incoming call from: (.*)");

    private final String user;
    private final String commandLine;
    private final int exitCode;
    private final boolean killed;
    private final Path configDir;
    private final String log;

    private BaresipResult(String user, String commandLine, int exitCode, boolean killed, Path configDir, String log) {
        this.user = user;
        this.commandLine = commandLine;
        this.exitCode = exitCode;
        this.killed = killed;
        this.configDir = configDir;
        this.log = log;
    }

    static BaresipResult read(String user, String commandLine, int exitCode, boolean killed, Path dir, Path logFile) {
        String text;
        try {
            text = Files.exists(logFile) ? new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            text = "(unreadable: " + e + ")";
        }
        // the status line is redrawn with carriage returns; make them lines
        text = ANSI.matcher(text).replaceAll("").replace("\r", "\n");
        return new BaresipResult(user, commandLine, exitCode, killed, dir, text);
    }

    /** A registration was answered 2xx with at least one binding. */
    public boolean registered() {
        Matcher m = REGISTERED.matcher(log);
        while (m.find()) {
            if (m.group(1).startsWith("2") && Integer.parseInt(m.group(2)) > 0) {
                return true;
            }
        }
        return false;
    }

    /** Status codes of refused registrations (e.g. 403), in order. */
    public List<Integer> registrationRefusals() {
        List<Integer> codes = new ArrayList<>();
        Matcher m = REFUSED.matcher(log);
        while (m.find()) {
            codes.add(Integer.parseInt(m.group(1)));
        }
        return codes;
    }

    /** Calls that were answered (either direction). */
    public int callsEstablished() {
        return count(ESTABLISHED);
    }

    /** The peers of established calls. */
    public List<String> establishedWith() {
        List<String> peers = new ArrayList<>();
        Matcher m = ESTABLISHED.matcher(log);
        while (m.find()) {
            peers.add(m.group(1));
        }
        return peers;
    }

    /** Calls that ended: normally ("terminated") or not ("session closed: reason"). */
    public int callsClosed() {
        return count(CLOSED);
    }

    /** Reasons of calls that closed abnormally (e.g. "Operation not supported", "403 Forbidden"). */
    public List<String> closeReasons() {
        List<String> reasons = new ArrayList<>();
        Matcher m = CLOSED.matcher(log);
        while (m.find()) {
            if (m.group(2) != null) {
                reasons.add(m.group(2).substring("session closed: ".length()).trim());
            }
        }
        return reasons;
    }

    /** Incoming calls announced. */
    public int callsReceived() {
        return count(INCOMING);
    }

    /** Calls on which RTP arrived from the peer. */
    public int callsWithIncomingRtp() {
        return count(RTP);
    }

    public int exitCode() {
        return exitCode;
    }

    /** baresip did not quit by itself in time (e.g. its un-REGISTER went unanswered). */
    public boolean killed() {
        return killed;
    }

    public Path configDir() {
        return configDir;
    }

    /** The whole console output, colours removed. */
    public String log() {
        return log;
    }

    public String describe() {
        return "baresip " + user + ": exit " + exitCode + (killed ? " (killed)" : "") + ", registered " + registered()
                + ", refusals " + registrationRefusals() + ", calls established " + callsEstablished() + ", closed "
                + callsClosed() + " " + closeReasons() + ", with incoming RTP " + callsWithIncomingRtp()
                + "\n  config and log: " + configDir + "\n  command: " + commandLine + "\n  log:\n    "
                + tail(log).strip().replace("\n", "\n    ");
    }

    @Override
    public String toString() {
        return describe();
    }

    private int count(Pattern pattern) {
        Matcher m = pattern.matcher(log);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static String tail(String text) {
        // drop the redrawn status lines ("[0:00:01] audio=...") that crowd out the rest
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.strip().startsWith("[0:")) {
                b.append(line).append('\n');
            }
        }
        String s = b.toString();
        return s.length() > 4000 ? "..." + s.substring(s.length() - 4000) : s;
    }
}
