package org.strowger.itests.felix.sip;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs baresip (1.0, as Debian ships it) headless as one registered endpoint: a generated
 * config directory ({@code baresip -f DIR}) from {@code src/test/resources/baresip/config.template}
 * plus an {@code accounts} file with the one account; SIP on a free 127.0.0.1 port, RTP on a free
 * port range, a sine tone as the microphone and no sound card. Commands are given with
 * {@code -e} (typed into baresip's menu at start-up, in order) and baresip quits after
 * {@link #quitAfter(Duration)} ({@code -t}); stdout and stderr go to {@code baresip.log},
 * which {@link BaresipResult} reads.
 *
 * <pre>
 * BaresipResult r = Baresip.account("alice", "alice-secret")
 *         .registrar(platformPort)
 *         .dial("600")
 *         .quitAfter(Duration.ofSeconds(3))
 *         .run();
 * assertTrue(r.describe(), r.registered() &amp;&amp; r.callsEstablished() == 1);
 * </pre>
 *
 * <p>Binary: {@code baresip} from the PATH, or the system property {@code strowger.baresip};
 * modules from {@code /usr/lib/baresip/modules} or the property {@code strowger.baresip.modules}.
 */
public final class Baresip {

    private static final String TEMPLATE = "/baresip/config.template";
    private static final Duration GRACE = Duration.ofSeconds(5);

    private final String user;
    private final String secret;
    private String registrarHost = FreePorts.HOST;
    private int registrarPort;
    private String transport = "udp";
    private int regint = 60;
    private String answerMode = "auto";
    private int listenPort;
    private int toneHz = 440;
    private Duration quitAfter = Duration.ofSeconds(5);
    private Duration callTimeout = Duration.ofSeconds(30);
    private final List<String> commands = new ArrayList<>();
    private String accountExtras = "";

    private Baresip(String user, String secret) {
        this.user = user;
        this.secret = secret;
    }

    /** baresip can be started: the tests that need it should assume this. */
    public static boolean available() {
        String configured = System.getProperty("strowger.baresip");
        if (configured != null) {
            return Files.isExecutable(Path.of(configured));
        }
        return Sipp.onPath("baresip") != null && Files.isDirectory(Path.of(modulePath()));
    }

    /** An endpoint with digest credentials (auth user = {@code user}). */
    public static Baresip account(String user, String secret) {
        return new Baresip(user, secret);
    }

    /** The registrar and domain: the account is sip:USER@127.0.0.1:PORT. */
    public Baresip registrar(int port) {
        return registrar(FreePorts.HOST, port);
    }

    public Baresip registrar(String host, int port) {
        this.registrarHost = host;
        this.registrarPort = port;
        return this;
    }

    /** "udp" (default) or "tcp", for registration and calls. */
    public Baresip transport(String transport) {
        this.transport = transport;
        return this;
    }

    /** Registration interval in seconds; 0 = do not register. */
    public Baresip regint(int seconds) {
        this.regint = seconds;
        return this;
    }

    /** How incoming calls are answered: "auto" (default), "manual" or "early". */
    public Baresip answerMode(String mode) {
        this.answerMode = mode;
        return this;
    }

    /** baresip's SIP port; a free one by default. */
    public Baresip listenPort(int port) {
        this.listenPort = port;
        return this;
    }

    /** The frequency of the microphone's sine tone. */
    public Baresip tone(int hertz) {
        this.toneHz = hertz;
        return this;
    }

    /** Dial at start-up: a number of the account's domain ("600") or a full SIP URI. */
    public Baresip dial(String target) {
        return command("/dial " + target);
    }

    /** A menu command typed at start-up, e.g. "/hangup". */
    public Baresip command(String command) {
        commands.add(command);
        return this;
    }

    /** Quit (hang up, unregister) after this long; -t, whole seconds. 5 s by default. */
    public Baresip quitAfter(Duration duration) {
        this.quitAfter = duration;
        return this;
    }

    /** Extra account parameters, e.g. ";audio_codecs=pcma". */
    public Baresip accountParameters(String parameters) {
        this.accountExtras = parameters;
        return this;
    }

    /** Starts baresip, waits for it to quit (kills it after -t plus 5 s) and reports. */
    public BaresipResult run() throws IOException, InterruptedException {
        return start().await();
    }

    /** Starts baresip and returns at once (e.g. to answer calls while a sipp scenario runs). */
    public Running start() throws IOException {
        if (registrarPort <= 0) {
            throw new IllegalStateException("no registrar port");
        }
        Path dir = WorkDirs.create("baresip-" + user + "-");
        int sipPort = listenPort > 0 ? listenPort : FreePorts.sip();
        int[] rtp = FreePorts.udpRange(8);
        String config = template()
                .replace("@SIP_LISTEN@", FreePorts.HOST + ":" + sipPort)
                .replace("@CALL_TIMEOUT@", Long.toString(callTimeout.toSeconds()))
                .replace("@TONE_HZ@", Integer.toString(toneHz))
                .replace("@RTP_PORTS@", rtp[0] + "-" + rtp[rtp.length - 1])
                .replace("@MODULE_PATH@", modulePath());
        Files.writeString(dir.resolve("config"), config);
        String account = "<sip:" + user + "@" + registrarHost + ":" + registrarPort + ";transport=" + transport + ">"
                + ";auth_user=" + user + ";auth_pass=" + secret + ";regint=" + regint
                + ";answermode=" + answerMode + accountExtras;
        Files.writeString(dir.resolve("accounts"), account + "\n");

        List<String> command = new ArrayList<>();
        command.add(binary());
        command.addAll(List.of("-f", dir.toString()));
        command.addAll(List.of("-n", FreePorts.HOST));
        for (String c : commands) {
            command.addAll(List.of("-e", c));
        }
        long seconds = Math.max(1, quitAfter.toSeconds());
        command.addAll(List.of("-t", Long.toString(seconds)));

        Path log = dir.resolve("baresip.log");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        Files.writeString(dir.resolve("baresip.command"), String.join(" ", command) + "\n");
        return new Running(user, process, String.join(" ", command), dir, sipPort, log,
                Duration.ofSeconds(seconds).plus(GRACE));
    }

    private static String template() {
        try (InputStream in = Baresip.class.getResourceAsStream(TEMPLATE)) {
            if (in == null) {
                throw new IllegalStateException("no " + TEMPLATE + " on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String modulePath() {
        return System.getProperty("strowger.baresip.modules", "/usr/lib/baresip/modules");
    }

    private static String binary() {
        String configured = System.getProperty("strowger.baresip");
        if (configured != null) {
            return configured;
        }
        Path found = Sipp.onPath("baresip");
        return found != null ? found.toString() : "baresip";
    }

    /** A started baresip. */
    public static final class Running implements AutoCloseable {

        private final String user;
        private final Process process;
        private final String commandLine;
        private final Path dir;
        private final int sipPort;
        private final Path log;
        private final Duration expectedLife;
        private BaresipResult result;

        Running(String user, Process process, String commandLine, Path dir, int sipPort, Path log,
                Duration expectedLife) {
            this.user = user;
            this.process = process;
            this.commandLine = commandLine;
            this.dir = dir;
            this.sipPort = sipPort;
            this.log = log;
            this.expectedLife = expectedLife;
        }

        /** baresip's SIP port (its Contact). */
        public int sipPort() {
            return sipPort;
        }

        public Path configDir() {
            return dir;
        }

        /** Waits until baresip listens on its SIP port; false if it quit first. */
        public boolean awaitListening(Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    return false;
                }
                Boolean bound = FreePorts.bound(sipPort);
                if (bound == null) {
                    Thread.sleep(Math.min(500, max.toMillis()));
                    return process.isAlive();
                }
                if (bound) {
                    return true;
                }
                Thread.sleep(20);
            }
            return process.isAlive();
        }

        /** The log so far, to poll for e.g. registration before going on. */
        public BaresipResult snapshot() {
            return BaresipResult.read(user, commandLine, -1, false, dir, log);
        }

        /** Waits until the log says the account registered; false if baresip quit or time ran out. */
        public boolean awaitRegistered(Duration max) throws InterruptedException {
            long deadline = System.nanoTime() + max.toNanos();
            while (System.nanoTime() < deadline) {
                if (snapshot().registered()) {
                    return true;
                }
                if (!process.isAlive()) {
                    return false;
                }
                Thread.sleep(20);
            }
            return false;
        }

        /** Waits for baresip to quit (after its -t), killing it 5 s later than that. */
        public BaresipResult await() throws InterruptedException {
            return await(expectedLife);
        }

        public synchronized BaresipResult await(Duration max) throws InterruptedException {
            if (result != null) {
                return result;
            }
            boolean killed = false;
            if (!process.waitFor(max.toMillis(), TimeUnit.MILLISECONDS)) {
                killed = true;
                kill();
            }
            result = BaresipResult.read(user, commandLine, process.exitValue(), killed, dir, log);
            return result;
        }

        /** Quits baresip now. */
        public synchronized BaresipResult stop() throws InterruptedException {
            if (result != null) {
                return result;
            }
            boolean wasAlive = process.isAlive();
            kill();
            result = BaresipResult.read(user, commandLine, process.exitValue(), wasAlive, dir, log);
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
    }
}
