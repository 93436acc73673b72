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
 * What a sipp run did: its exit code, call counts (from the statistics file, else from the final
 * screen), retransmissions, and the text of its error log for assertion messages.
 *
 * <p>sipp's exit codes: 0 all calls succeeded, 1 at least one failed, 97 ended by an internal
 * command, 99 ended normally without any call processed, 255 (-1) fatal error, 254 (-2) fatal
 * error binding a socket. With {@code -timeout_error}, reaching the global timeout is a failure.
 */
public final class SippResult {

    private static final int MAX_LOG = 6000;
    private static final Pattern SCREEN_SUCCESS = Pattern.compile("Successful call\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)");
    private static final Pattern SCREEN_FAILED = Pattern.compile("Failed call\\s*\\|\\s*\\d+\\s*\\|\\s*(\\d+)");

    private final String name;
    private final String commandLine;
    private final int exitCode;
    private final boolean killed;
    private final int successfulCalls;
    private final int failedCalls;
    private final int retransmissions;
    private final int unexpectedMessages;
    private final int timeoutsOnRecv;
    private final Path workDir;
    private final Path messagesLog;
    private final String errors;
    private final String output;

    private SippResult(String name, String commandLine, int exitCode, boolean killed, int successfulCalls,
            int failedCalls, int retransmissions, int unexpectedMessages, int timeoutsOnRecv, Path workDir,
            Path messagesLog, String errors, String output) {
        this.name = name;
        this.commandLine = commandLine;
        this.exitCode = exitCode;
        this.killed = killed;
        this.successfulCalls = successfulCalls;
        this.failedCalls = failedCalls;
        this.retransmissions = retransmissions;
        this.unexpectedMessages = unexpectedMessages;
        this.timeoutsOnRecv = timeoutsOnRecv;
        this.workDir = workDir;
        this.messagesLog = messagesLog;
        this.errors = errors;
        this.output = output;
    }

    static SippResult collect(String name, String commandLine, int exitCode, boolean killed, Path workDir, Path out,
            Path errorsFile, Path statsFile, Path screenFile, Path messagesFile) {
        String stdout = read(out);
        String screen = read(screenFile);
        String[] lastStats = lastStatsRow(statsFile);
        int successful = -1;
        int failed = -1;
        int retransmissions = -1;
        int unexpected = -1;
        int recvTimeouts = -1;
        if (lastStats != null) {
            successful = column(lastStats, "SuccessfulCall(C)");
            failed = column(lastStats, "FailedCall(C)");
            retransmissions = column(lastStats, "Retransmissions(C)");
            unexpected = column(lastStats, "FailedUnexpectedMessage(C)");
            recvTimeouts = column(lastStats, "FailedTimeoutOnRecv(C)");
        }
        String screens = screen.isEmpty() ? stdout : screen;
        if (successful < 0) {
            successful = lastInt(SCREEN_SUCCESS, screens);
        }
        if (failed < 0) {
            failed = lastInt(SCREEN_FAILED, screens);
        }
        return new SippResult(name, commandLine, exitCode, killed, successful, failed, retransmissions, unexpected,
                recvTimeouts, workDir, messagesFile, read(errorsFile), stdout);
    }

    /** sipp ended by itself with exit code 0: every call went through the whole scenario. */
    public boolean ok() {
        return exitCode == 0 && !killed;
    }

    public int exitCode() {
        return exitCode;
    }

    /** The run did not end by itself and was killed (it had exceeded its timeout plus grace). */
    public boolean killed() {
        return killed;
    }

    /** Calls that completed the scenario, -1 when sipp left no statistics (it failed to start). */
    public int successfulCalls() {
        return successfulCalls;
    }

    /** Calls that failed, -1 when unknown. */
    public int failedCalls() {
        return failedCalls;
    }

    /** Retransmissions sipp made or answered, -1 when unknown. */
    public int retransmissions() {
        return retransmissions;
    }

    /** Calls failed on an unexpected message, -1 when unknown. */
    public int unexpectedMessageFailures() {
        return unexpectedMessages;
    }

    /** Calls failed on a receive timeout without an ontimeout label, -1 when unknown. */
    public int receiveTimeoutFailures() {
        return timeoutsOnRecv;
    }

    /** The run's working directory: scenario, logs, statistics. */
    public Path workDir() {
        return workDir;
    }

    /** The SIP message trace, or null when the run was {@link Sipp#quiet() quiet}. */
    public Path messagesLog() {
        return messagesLog;
    }

    /** sipp's error log (unexpected messages, failed checks, warnings), at most the last 6000 chars. */
    public String errors() {
        return errors;
    }

    /** sipp's stdout and stderr (final screens, fatal errors), at most the last 6000 chars. */
    public String output() {
        return output;
    }

    public String commandLine() {
        return commandLine;
    }

    /** The SIP messages sent and received, start lines only, e.g. for an assertion message. */
    public List<String> messageFlow() {
        if (messagesLog == null || !Files.exists(messagesLog)) {
            return List.of();
        }
        List<String> flow = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(messagesLog, StandardCharsets.UTF_8);
            String direction = null;
            boolean expectStartLine = false;
            for (String line : lines) {
                if (line.contains("message sent")) {
                    direction = "-> ";
                    expectStartLine = true;
                } else if (line.contains("message received")) {
                    direction = "<- ";
                    expectStartLine = true;
                } else if (expectStartLine && !line.isBlank()) {
                    flow.add(direction + line.trim());
                    expectStartLine = false;
                }
            }
        } catch (IOException e) {
            flow.add("(unreadable: " + e + ")");
        }
        return flow;
    }

    /** Everything a failed assertion should show. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append("sipp ").append(name).append(": exit ").append(exitCode).append(" (").append(meaning()).append(')');
        if (killed) {
            b.append(", killed after its timeout");
        }
        b.append(", calls ").append(successfulCalls).append(" ok / ").append(failedCalls).append(" failed");
        if (retransmissions >= 0) {
            b.append(", ").append(retransmissions).append(" retransmissions");
        }
        b.append("\n  logs: ").append(workDir);
        b.append("\n  command: ").append(commandLine);
        List<String> flow = messageFlow();
        if (!flow.isEmpty()) {
            b.append("\n  messages:\n    ").append(String.join("\n    ", flow.subList(Math.max(0, flow.size() - 40), flow.size())));
        }
        if (!errors.isBlank()) {
            b.append("\n  error log:\n").append(indent(errors));
        } else if (exitCode != 0 && !output.isBlank()) {
            b.append("\n  output:\n").append(indent(output));
        }
        return b.toString();
    }

    private String meaning() {
        switch (exitCode) {
            case 0:
                return "all calls succeeded";
            case 1:
                return "some calls failed";
            case 97:
                return "ended by an internal command";
            case 99:
                return "no call processed";
            case 254:
                return "could not bind a socket";
            case 255:
                return "fatal error";
            default:
                return killed ? "killed" : "unknown";
        }
    }

    @Override
    public String toString() {
        return "sipp " + name + " exit " + exitCode + ", " + successfulCalls + " ok / " + failedCalls + " failed ("
                + workDir + ")";
    }

    private static String indent(String text) {
        return "    " + text.strip().replace("\n", "\n    ");
    }

    private static String read(Path file) {
        if (file == null || !Files.exists(file)) {
            return "";
        }
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.length() > MAX_LOG ? "..." + text.substring(text.length() - MAX_LOG) : text;
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    private static String[] lastStatsRow(Path statsFile) {
        if (statsFile == null || !Files.exists(statsFile)) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(statsFile, StandardCharsets.UTF_8);
            String head = null;
            String last = null;
            for (String line : lines) {
                if (line.isBlank()) {
                    continue;
                }
                if (head == null) {
                    head = line;
                } else {
                    last = line;
                }
            }
            if (head == null || last == null) {
                return null;
            }
            String[] names = head.split(";", -1);
            String[] values = last.split(";", -1);
            String[] row = new String[names.length * 2];
            for (int i = 0; i < names.length; i++) {
                row[2 * i] = names[i];
                row[2 * i + 1] = i < values.length ? values[i] : "";
            }
            return row;
        } catch (IOException e) {
            return null;
        }
    }

    private static int column(String[] row, String name) {
        for (int i = 0; i + 1 < row.length; i += 2) {
            if (row[i].equals(name)) {
                try {
                    return Integer.parseInt(row[i + 1].trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    private static int lastInt(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int value = -1;
        while (matcher.find()) {
            value = Integer.parseInt(matcher.group(1));
        }
        return value;
    }
}
