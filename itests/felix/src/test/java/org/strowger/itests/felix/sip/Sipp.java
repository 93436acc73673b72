package org.strowger.itests.felix.sip;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs sipp with one of the scenarios under {@code src/test/resources/sipp/} against a SIP peer
 * on 127.0.0.1, and reports what happened as a {@link SippResult}.
 *
 * <pre>
 * SippResult r = Sipp.scenario("register-digest.xml")
 *         .remote(platformPort)
 *         .endpoint("alice", "alice-secret")
 *         .run();
 * assertTrue(r.describe(), r.ok());
 * </pre>
 *
 * <p>Every run gets its own working directory (under target/wire-runs/, kept) holding the
 * scenario, the tone file that {@code rtp_stream} plays, and sipp's logs: errors, messages,
 * statistics, final screens, {@code <log>} output, stdout/stderr. sipp binds 127.0.0.1 only
 * ({@code -i 127.0.0.1 -bind_local}), on a free SIP port unless {@link #local(int)} names one,
 * with free media ({@code -mp}) and control ({@code -cp}) ports, and is stopped by its own
 * {@code -timeout} (with {@code -timeout_error}) or, failing that, killed.
 *
 * <p>Scenario variables: {@link #set(String, String)} checks the name against the scenario's
 * {@code <Global variables="...">} (sipp refuses unknown ones). When the scenario declares
 * {@code contact_port} or {@code rtp_port} and the test sets none, the runner passes sipp's own
 * SIP port and media port respectively.
 *
 * <p>Binary: {@code sipp} from the PATH, or the system property {@code strowger.sipp}.
 */
public final class Sipp {

    /** Where the scenarios live on the test classpath. */
    public static final String RESOURCE_DIR = "/sipp/";
    /** The raw A-law file {@code rtp_stream} plays, written into every working directory. */
    public static final String TONE_FILE = "strowger-tone.pcma";

    private static final Pattern GLOBALS = Pattern.compile("<Global\\s+variables\\s*=\\s*\"([^\"]*)\"");

    private final String scenario;
    private final String scenarioText;
    private final Set<String> declaredGlobals;
    private String remoteHost;
    private int remotePort;
    private int localPort;
    private boolean tcp;
    private int calls = 1;
    private Double rate;
    private Integer ratePeriodMillis;
    private Integer limit;
    private String service;
    private String authUser;
    private String authPassword;
    private String authUri;
    private final Map<String, String> variables = new LinkedHashMap<>();
    private Long pauseMillis;
    private Long recvTimeoutMillis;
    private int mediaPort;
    private boolean rtpEcho;
    private Duration timeout = Duration.ofSeconds(30);
    private boolean traceMessages = true;
    private final List<String> extraArguments = new ArrayList<>();
    private String name;

    private Sipp(String scenario, String scenarioText) {
        this.scenario = scenario;
        this.scenarioText = scenarioText;
        this.declaredGlobals = globalsOf(scenarioText);
        this.name = scenario.replaceAll("^.*/", "").replaceAll("\\.xml$", "");
    }

    /** sipp can be started: the tests that need it should assume this. */
    public static boolean available() {
        String configured = System.getProperty("strowger.sipp");
        if (configured != null) {
            return Files.isExecutable(Path.of(configured));
        }
        return onPath("sipp") != null;
    }

    /** A run of {@code src/test/resources/sipp/<resource>}, e.g. "call-echo.xml" or "mock/mock-registrar.xml". */
    public static Sipp scenario(String resource) {
        String path = RESOURCE_DIR + resource;
        try (InputStream in = Sipp.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no scenario " + path + " on the test classpath");
            }
            return new Sipp(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The variables the scenario accepts with {@link #set(String, String)}. */
    public Set<String> globals() {
        return Collections.unmodifiableSet(declaredGlobals);
    }

    /** The peer for client scenarios: 127.0.0.1:{@code port}. Server scenarios need none. */
    public Sipp remote(int port) {
        return remote(FreePorts.HOST, port);
    }

    public Sipp remote(String host, int port) {
        this.remoteHost = host;
        this.remotePort = port;
        return this;
    }

    /** sipp's SIP port (-p), e.g. the loadgen trunk's port or a UAS's listening port; 0 = a free one. */
    public Sipp local(int port) {
        this.localPort = port;
        return this;
    }

    /** TCP, one connection (-t t1); UDP (one socket, -t u1) otherwise. */
    public Sipp tcp() {
        this.tcp = true;
        return this;
    }

    /** Stop after this many calls (-m); 1 by default. */
    public Sipp calls(int calls) {
        this.calls = calls;
        return this;
    }

    /** Call rate (-r) per second. */
    public Sipp rate(double callsPerSecond) {
        this.rate = callsPerSecond;
        return this;
    }

    /** Call rate (-r calls -rp period ms): {@code calls} calls every {@code periodMillis}. */
    public Sipp rate(double calls, int periodMillis) {
        this.rate = calls;
        this.ratePeriodMillis = periodMillis;
        return this;
    }

    /** Maximum simultaneous calls (-l). */
    public Sipp limit(int simultaneous) {
        this.limit = simultaneous;
        return this;
    }

    /** The Request-URI user of client scenarios (-s), e.g. "600". */
    public Sipp service(String service) {
        this.service = service;
        return this;
    }

    /** Digest credentials (-au, -ap). */
    public Sipp auth(String user, String password) {
        this.authUser = user;
        this.authPassword = password;
        return this;
    }

    /**
     * The digest uri sipp signs (-auth_uri, without "sip:"). Defaults to SERVICE@HOST:PORT when a
     * service and credentials are set, so that it matches an INVITE's Request-URI; sipp's own
     * default, HOST:PORT, matches a REGISTER's.
     */
    public Sipp authUri(String uriWithoutScheme) {
        this.authUri = uriWithoutScheme;
        return this;
    }

    /** An endpoint's identity: {@code -set user NAME} (when declared) and its credentials. */
    public Sipp endpoint(String user, String secret) {
        if (declaredGlobals.contains("user")) {
            set("user", user);
        }
        return auth(user, secret);
    }

    /** A scenario variable (-set name value); the scenario must declare it in {@code <Global>}. */
    public Sipp set(String variable, String value) {
        if (!declaredGlobals.contains(variable)) {
            throw new IllegalArgumentException(scenario + " declares no variable '" + variable + "' (it has "
                    + declaredGlobals + ")");
        }
        variables.put(variable, value);
        return this;
    }

    public Sipp set(String variable, int value) {
        return set(variable, Integer.toString(value));
    }

    /** The length of {@code <pause/>} without attributes (-d): how long calls are held. */
    public Sipp pause(Duration pause) {
        this.pauseMillis = pause.toMillis();
        return this;
    }

    /** Default receive timeout of every {@code <recv>} without its own (-recv_timeout). */
    public Sipp recvTimeout(Duration timeout) {
        this.recvTimeoutMillis = timeout.toMillis();
        return this;
    }

    /** sipp's media port (-mp; it binds this and +2); a free one by default. */
    public Sipp mediaPort(int port) {
        this.mediaPort = port;
        return this;
    }

    /** Echo RTP received on the media port back to its sender (-rtp_echo). */
    public Sipp rtpEcho() {
        this.rtpEcho = true;
        return this;
    }

    /** Hand the call's media to {@code probe}: sets {@code rtp_port} and {@code media_info}. */
    public Sipp rtpProbe(RtpProbe probe) {
        set("rtp_port", probe.port());
        if (declaredGlobals.contains("media_info")) {
            set("media_info", probe.mediaInfoFile().toString());
        }
        return this;
    }

    /** sipp's own global timeout (-timeout, with -timeout_error); 30 s by default. */
    public Sipp timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** No message log (-trace_msg): for load runs. */
    public Sipp quiet() {
        this.traceMessages = false;
        return this;
    }

    /** Further sipp arguments, passed as they are (e.g. "-aa", "-max_retrans", "3"). */
    public Sipp arguments(String... arguments) {
        Collections.addAll(extraArguments, arguments);
        return this;
    }

    /** A label for the log files and messages; the scenario's base name by default. */
    public Sipp named(String name) {
        this.name = name;
        return this;
    }

    /** Starts sipp, waits for it to end (killing it after its timeout plus a grace), reports. */
    public SippResult run() throws IOException, InterruptedException {
        return start().await();
    }

    /**
     * Starts sipp and returns at once: for server scenarios that must listen before the client
     * starts. A server scenario that has to answer {@code -m} calls ends by itself after them.
     */
    public Running start() throws IOException {
        Path workDir = WorkDirs.create("sipp-" + name + "-");
        Path scenarioFile = workDir.resolve(scenario.replaceAll("^.*/", ""));
        Files.writeString(scenarioFile, scenarioText, StandardCharsets.UTF_8);
        Tones.writePcma(workDir.resolve(TONE_FILE), 400, 1);

        int sipPort = localPort > 0 ? localPort : FreePorts.sip();
        int media = mediaPort > 0 ? mediaPort : FreePorts.media();
        int control = FreePorts.udp();

        Map<String, String> vars = new LinkedHashMap<>(variables);
        if (declaredGlobals.contains("contact_port")) {
            vars.putIfAbsent("contact_port", Integer.toString(sipPort));
        }
        if (declaredGlobals.contains("rtp_port")) {
            vars.putIfAbsent("rtp_port", Integer.toString(media));
        }

        List<String> command = new ArrayList<>();
        command.add(binary());
        if (remoteHost != null) {
            command.add(remoteHost + ":" + remotePort);
        }
        command.addAll(List.of("-sf", scenarioFile.toString()));
        command.addAll(List.of("-i", FreePorts.HOST, "-p", Integer.toString(sipPort), "-bind_local"));
        command.addAll(List.of("-t", tcp ? "t1" : "u1"));
        command.addAll(List.of("-mi", FreePorts.HOST, "-mp", Integer.toString(media)));
        command.addAll(List.of("-cp", Integer.toString(control)));
        if (rtpEcho) {
            command.add("-rtp_echo");
        }
        command.addAll(List.of("-m", Integer.toString(calls)));
        if (rate != null) {
            command.addAll(List.of("-r", formatRate(rate)));
        }
        if (ratePeriodMillis != null) {
            command.addAll(List.of("-rp", ratePeriodMillis + "ms"));
        }
        if (limit != null) {
            command.addAll(List.of("-l", Integer.toString(limit)));
        }
        if (service != null) {
            command.addAll(List.of("-s", service));
        }
        if (authUser != null) {
            command.addAll(List.of("-au", authUser, "-ap", authPassword));
            String uri = authUri;
            if (uri == null && service != null && remoteHost != null) {
                uri = service + "@" + remoteHost + ":" + remotePort;
            }
            if (uri != null) {
                command.addAll(List.of("-auth_uri", uri));
            }
        }
        for (Map.Entry<String, String> variable : vars.entrySet()) {
            command.addAll(List.of("-set", variable.getKey(), variable.getValue()));
        }
        if (pauseMillis != null) {
            command.addAll(List.of("-d", pauseMillis + "ms"));
        }
        if (recvTimeoutMillis != null) {
            command.addAll(List.of("-recv_timeout", recvTimeoutMillis + "ms"));
        }
        command.addAll(List.of("-timeout", Math.max(1, timeout.toSeconds()) + "s", "-timeout_error"));
        command.add("-nostdin");
        Path errors = workDir.resolve(name + "-errors.log");
        Path stats = workDir.resolve(name + "-stats.csv");
        Path screen = workDir.resolve(name + "-screen.log");
        Path messages = workDir.resolve(name + "-messages.log");
        command.addAll(List.of("-trace_err", "-error_file", errors.toString()));
        command.addAll(List.of("-trace_stat", "-stf", stats.toString(), "-fd", "1"));
        command.addAll(List.of("-trace_screen", "-screen_file", screen.toString()));
        command.addAll(List.of("-trace_logs", "-log_file", workDir.resolve(name + "-logs.log").toString()));
        if (traceMessages) {
            command.addAll(List.of("-trace_msg", "-message_file", messages.toString()));
        }
        command.addAll(extraArguments);

        Path out = workDir.resolve(name + ".out");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(out.toFile())
                .start();
        Files.writeString(workDir.resolve(name + ".command"), String.join(" ", command) + "\n");
        return new Running(name, process, String.join(" ", command), workDir, sipPort, media, timeout,
                out, errors, stats, screen, traceMessages ? messages : null);
    }

    private static String formatRate(double rate) {
        return rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate);
    }

    private static Set<String> globalsOf(String scenarioText) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = GLOBALS.matcher(scenarioText);
        while (matcher.find()) {
            for (String variable : matcher.group(1).split(",")) {
                if (!variable.isBlank()) {
                    names.add(variable.trim());
                }
            }
        }
        return names;
    }

    private static String binary() {
        String configured = System.getProperty("strowger.sipp");
        if (configured != null) {
            return configured;
        }
        Path found = onPath("sipp");
        return found != null ? found.toString() : "sipp";
    }

    static Path onPath(String executable) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, executable);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    /** A started sipp. */
    public static final class Running implements AutoCloseable {

        private static final Duration GRACE = Duration.ofSeconds(5);

        private final String name;
        private final Process process;
        private final String commandLine;
        private final Path workDir;
        private final int sipPort;
        private final int mediaPort;
        private final Duration timeout;
        private final Path out;
        private final Path errors;
        private final Path stats;
        private final Path screen;
        private final Path messages;
        private SippResult result;

        Running(String name, Process process, String commandLine, Path workDir, int sipPort, int mediaPort,
                Duration timeout, Path out, Path errors, Path stats, Path screen, Path messages) {
            this.name = name;
            this.process = process;
            this.commandLine = commandLine;
            this.workDir = workDir;
            this.sipPort = sipPort;
            this.mediaPort = mediaPort;
            this.timeout = timeout;
            this.out = out;
            this.errors = errors;
            this.stats = stats;
            this.screen = screen;
            this.messages = messages;
        }

        /** The SIP port sipp listens on (its -p). */
        public int sipPort() {
            return sipPort;
        }

        /** sipp's media port (-mp). */
        public int mediaPort() {
            return mediaPort;
        }

        public Path workDir() {
            return workDir;
        }

        /** The SIP message trace, written as the run goes (sipp flushes it per message); null when quiet. */
        public Path messagesLog() {
            return messages;
        }

        public boolean isAlive() {
            return process.isAlive();
        }

        /**
         * Waits until sipp has bound its SIP port (it does so before anything else), so that a
         * client started next finds a listener. Returns false if sipp ended first.
         */
        public boolean awaitListening(Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return false;
                }
                Boolean bound = FreePorts.bound(sipPort);
                if (bound == null) {
                    // no /proc/net: give sipp a moment, it binds within milliseconds of starting
                    Thread.sleep(Math.min(300, max.toMillis()));
                    return process.isAlive();
                }
                if (bound) {
                    return true;
                }
                Thread.sleep(20);
            }
            return process.isAlive();
        }

        /** Waits for sipp to end by itself: its -timeout plus 5 s, then kills it. */
        public SippResult await() throws InterruptedException {
            return await(timeout.plus(GRACE));
        }

        /** Waits at most {@code max}, then kills sipp (the result says so). */
        public synchronized SippResult await(Duration max) throws InterruptedException {
            if (result != null) {
                return result;
            }
            boolean killed = false;
            if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
                killed = true;
                kill();
            }
            result = SippResult.collect(name, commandLine, process.exitValue(), killed, workDir, out, errors, stats,
                    screen, messages);
            return result;
        }

        /** Ends sipp now (SIGTERM, then SIGKILL) and reports what it had done. */
        public synchronized SippResult stop() throws InterruptedException {
            if (result != null) {
                return result;
            }
            boolean wasAlive = process.isAlive();
            kill();
            result = SippResult.collect(name, commandLine, process.exitValue(), wasAlive, workDir, out, errors, stats,
                    screen, messages);
            return result;
        }

        private void kill() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
        }

        @Override
        public void close() throws InterruptedException {
            if (process.isAlive()) {
                stop();
            }
        }

        @Override
        public String toString() {
            return "sipp " + name + " on " + FreePorts.HOST + ":" + sipPort + " (" + workDir + ")";
        }
    }
}
