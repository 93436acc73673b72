package org.strowger.itests.karaf;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The distribution unpacked from its tar.gz into a folder of its own and driven through its
 * {@code bin/} scripts, as an operator or a cron job would: no terminal, stdin closed.
 */
final class InstalledDistribution implements AutoCloseable {

    /** What a script printed and how it exited. */
    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    private final Path home;
    private final int sshPort;

    private InstalledDistribution(Path home, int sshPort) {
        this.home = home;
        this.sshPort = sshPort;
    }

    /** Unpacks a fresh copy and points its console at a free port. */
    static InstalledDistribution unpack(File tarGz, Path into) throws IOException, InterruptedException {
        deleteRecursively(into);
        Files.createDirectories(into);
        Result untar = run(into, 120, "tar", "xzf", tarGz.getAbsolutePath(), "--strip-components=1");
        if (untar.exitCode() != 0) {
            throw new IOException("could not unpack " + tarGz + ": " + untar);
        }
        int port = FreePort.pick();
        Path shellCfg = into.resolve("etc/org.apache.karaf.shell.cfg");
        String cfg = Files.readString(shellCfg).replaceAll("(?m)^sshPort\\s*=.*$", "sshPort = " + port);
        Files.writeString(shellCfg, cfg);
        // the demo's SIP port 5060 may belong to another process on a shared machine
        Path sipCfg = into.resolve("etc/org.strowger.sip.cfg");
        Files.writeString(sipCfg, Files.readString(sipCfg).replaceAll("(?m)^port\\s*=.*$", "port = " + FreePort.pick()));
        return new InstalledDistribution(into, port);
    }

    Path home() {
        return home;
    }

    int sshPort() {
        return sshPort;
    }

    Result script(long timeoutSeconds, String... scriptAndArgs) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(home.resolve("bin").resolve(scriptAndArgs[0]).toString());
        command.addAll(List.of(scriptAndArgs).subList(1, scriptAndArgs.length));
        return run(home, timeoutSeconds, command.toArray(String[]::new));
    }

    String log() throws IOException {
        Path log = home.resolve("data/log/karaf.log");
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** Stops the platform; kills it if {@code bin/stop} does not end it in time. */
    @Override
    public void close() throws IOException, InterruptedException {
        Path pidFile = home.resolve("karaf.pid");
        java.util.Optional<ProcessHandle> process = Files.exists(pidFile)
                ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim())) : java.util.Optional.empty();
        script(60, "stop");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // stopped means the process is gone, not only that the console stopped answering
        while (System.nanoTime() < deadline) {
            if (script(60, "status").exitCode() != 0 && process.map(p -> !p.isAlive()).orElse(true)) {
                return;
            }
            Thread.sleep(500);
        }
        process.ifPresent(ProcessHandle::destroyForcibly);
    }

    /** The addresses the platform listens on with TCP at this port, read from /proc/net. */
    List<String> listeningAddresses(int port) throws IOException {
        List<String> addresses = new ArrayList<>();
        Pattern line = Pattern.compile("^\\s*\\d+:\\s+([0-9A-F]+):([0-9A-F]{4})\\s+[0-9A-F]+:[0-9A-F]{4}\\s+0A\\s");
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path path = Path.of(table);
            if (!Files.exists(path)) {
                continue;
            }
            for (String row : Files.readAllLines(path)) {
                Matcher matcher = line.matcher(row);
                if (matcher.find() && Integer.parseInt(matcher.group(2), 16) == port) {
                    addresses.add(matcher.group(1));
                }
            }
        }
        return addresses;
    }

    private static Result run(Path directory, long timeoutSeconds, String... command)
            throws IOException, InterruptedException {
        Path out = Files.createTempFile("strowger-script", ".out");
        Path err = Files.createTempFile("strowger-script", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not finish within " + timeoutSeconds + " s");
            }
            return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var walk = Files.walk(path)) {
            for (Path each : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
