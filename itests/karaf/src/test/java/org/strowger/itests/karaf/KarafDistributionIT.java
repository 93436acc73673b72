package org.strowger.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.junit.Assume;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.slf4j.LoggerFactory;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;

/**
 * The real distribution (our tar.gz) booted in Pax Exam's Karaf container: the Strowger bundles
 * are active on Felix, the channel service and console commands work ({@code strowger:status} with
 * every subsystem's contribution), log levels are set per bundle and a call's lines carry its channel
 * name in {@code karaf.log}, and a driver dropped into {@code deploy/} comes and goes while the
 * platform runs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafDistributionIT extends StrowgerKarafTestSupport {

    private static final String TEST_TECHNOLOGY_JAR = "strowger.itest.test-technology.jar";
    /** The demo's 5060 may be taken on a shared machine: the SIP driver gets a free port. */
    private static final int SIP_PORT = FreePort.pick();
    /** The demo's loadgen trunk (a static peer known by address) is where sipp calls from. */
    private static final int LOADGEN_PORT = FreePort.pick();

    private static final String VERBOSE_TEXT = "KarafDistributionIT says hello from the dialplan";
    private static final String LOG_TEXT = "KarafDistributionIT logs through Log()";
    /** Appended to the demo dialplan: a call that answers, logs two lines and waits. */
    private static final String ITEST_CONTEXT = """

            ; added by KarafDistributionIT
            [itest]
            exten => 100,1,Answer()
             same => n,Verbose(%s)
             same => n,Log(NOTICE,%s)
             same => n,Wait(30)
            """.formatted(VERBOSE_TEXT, LOG_TEXT);
    private static boolean itestDialplanAdded;

    @Configuration
    public Option[] configuration() {
        return options(
                strowgerDistribution(SIP_PORT),
                systemProperty("strowger.itest.sip.port").value(String.valueOf(SIP_PORT)),
                editConfigurationFilePut("etc/org.strowger.sip.endpoint-loadgen.cfg", "host",
                        "127.0.0.1:" + LOADGEN_PORT),
                editConfigurationFilePut("etc/org.strowger.sip.endpoint-loadgen.cfg", "context", "itest"),
                systemProperty("strowger.itest.loadgen.port").value(String.valueOf(LOADGEN_PORT)),
                systemProperty(TEST_TECHNOLOGY_JAR).value(StrowgerArtifacts.testTechnologyJar().getAbsolutePath()));
    }

    @Test
    public void strowgerBundlesAreActiveOnFelix() {
        List<Bundle> strowger = Arrays.stream(context.getBundles())
                .filter(bundle -> bundle.getSymbolicName().startsWith("strowger-"))
                .toList();

        assertTrue(strowger.stream().map(Bundle::getSymbolicName).toList().containsAll(
                List.of("strowger-channel-api", "strowger-channel-core", "strowger-channel-shell", "strowger-pbx-api",
                        "strowger-pbx", "strowger-pbx-shell", "strowger-sip-api", "strowger-sip", "strowger-sip-shell", "strowger-transfer-api",
                        "strowger-transfer", "strowger-transfer-shell", "strowger-misdn-native", "strowger-misdn-api",
                        "strowger-misdn", "strowger-misdn-shell")));
        for (Bundle bundle : strowger) {
            assertEquals(bundle.getSymbolicName() + " state", Bundle.ACTIVE, bundle.getState());
        }
        assertEquals("org.apache.felix.framework", context.getBundle(0).getSymbolicName());
    }

    @Test
    public void theDemoDialplanIsLoadedAndShownOnTheConsole() throws Exception {
        String shown = execute("dialplan:show internal");

        assertTrue(shown, shown.contains("[ Context 'internal' created by 'pbx_config' ]"));
        assertTrue(shown, shown.contains("'600' =>"));
        assertTrue(execute("dialplan:reload"), execute("dialplan:reload").contains("Dialplan reloaded"));
        assertTrue(channels.technology("Local").isPresent());
    }

    @Test
    public void theSipDriverRunsWithTheDemoEndpointsAndAnswersOptions() throws Exception {
        int port = Integer.getInteger("strowger.itest.sip.port");
        awaitUntil("SIP technology", () -> channels.technology("SIP").isPresent());
        String endpoints = execute("sip:endpoints");
        for (String name : List.of("alice", "bob", "carol", "loadgen", "loadsink")) {
            assertTrue(endpoints, endpoints.contains(name));
        }
        assertTrue(endpoints, endpoints.contains("udp:127.0.0.1:" + port));
        assertTrue(execute("sip:dialogs"), execute("sip:dialogs").contains("0 active SIP dialogs"));
        assertTrue(execute("sip:registrations"), execute("sip:registrations").contains("0 registrations"));
        assertTrue(execute("sip:media"), execute("sip:media").contains("RTP sessions open: 0"));
        String traceOn = execute("sip:trace alice on");
        assertTrue(traceOn, traceOn.contains("SIP trace for alice is on"));
        String aliceLine = execute("sip:endpoints").lines().filter(line -> line.startsWith("alice")).findFirst().orElse("");
        assertTrue(aliceLine, aliceLine.endsWith("on"));
        execute("sip:trace alice off");

        // a real OPTIONS from alice's name gets 200; one from nobody gets 403
        assertTrue(SipProbe.options(port, "alice").startsWith("SIP/2.0 200"));
        assertTrue(SipProbe.options(port, "mallory").startsWith("SIP/2.0 403"));
    }

    @Test
    public void theTransferFeaturesRunWithTheDemoConfiguration() throws Exception {
        awaitUntil("Transfer technology", () -> channels.technology("Transfer").isPresent());
        String features = execute("transfer:features");
        for (String expected : List.of("#1", "*2", "*0", "#72", "700", "701", "720", "parkedcalls")) {
            assertTrue(features, features.contains(expected));
        }
        assertTrue(execute("transfer:parked"), execute("transfer:parked").contains("No parked calls"));
        String stats = execute("transfer:stats");
        assertTrue(stats, stats.toLowerCase().contains("blind"));
        String parking = execute("dialplan:show parkedcalls");
        assertTrue(parking, parking.contains("'700' =>"));
    }

    @Test
    public void theMisdnDriverRunsTheDemoPortsOnTheSimulatedCard() throws Exception {
        awaitUntil("mISDN technology", () -> channels.technology("mISDN").isPresent());
        String ports = execute("misdn:ports");
        for (String expected : List.of("sim.1", "sim.2", "TE", "NT", "from-isdn")) {
            assertTrue(ports, ports.contains(expected));
        }
        String trace = execute("misdn:trace 1 on");
        assertTrue(trace, trace.contains("on"));
        execute("misdn:trace 1 off");
        assertTrue(execute("dialplan:show from-isdn"), execute("dialplan:show from-isdn").contains("'2600' =>"));
    }

    @Test
    public void versionCommandShowsThePlatformVersion() throws Exception {
        String output = execute("strowger:version");

        assertTrue(output, output.startsWith("Strowger " + channels.platformVersion()));
        assertTrue(output, output.contains("channel technolog"));
    }

    @Test
    public void statusShowsThePlatformItsCallsEachSubsystemsContributionAndTheLockValidator() throws Exception {
        awaitUntil("SIP, mISDN and Transfer technologies", () -> channels.technology("SIP").isPresent()
                && channels.technology("mISDN").isPresent() && channels.technology("Transfer").isPresent());
        useItestDialplan();
        // a call in progress: two Local calls answered by the dialplan, their outer halves bridged
        Channel first = channels.request("Local/100@itest/n");
        Channel second = channels.request("Local/100@itest/n");
        try {
            first.call(Duration.ofSeconds(10));
            second.call(Duration.ofSeconds(10));
            awaitUntil("both calls are answered",
                    () -> first.state() == ChannelState.UP && second.state() == ChannelState.UP);
            channels.bridge(first, second);

            String status = execute("strowger:status");
            List<String> lines = status.lines().toList();
            assertTrue(status, lines.get(0).equals("Strowger " + channels.platformVersion()));
            assertTrue(status, lines.get(1).matches("  Uptime: +(\\d+ days?, )?\\d\\d:\\d\\d:\\d\\d \\(since .+Z\\)"));
            assertTrue(status, labelled(lines, "Live channels").equals(String.valueOf(channels.channelCount())));
            assertTrue(status, Integer.parseInt(labelled(lines, "Live channels")) >= 4);
            assertTrue(status, labelled(lines, "Calls now").matches("[1-9]\\d* \\(active bridges\\)"));
            String processed = labelled(lines, "Calls processed");
            assertTrue(status, processed.matches("[1-9]\\d* \\(bridges made since start\\)"));
            assertEquals(status, channels.callStatistics().bridgesMade(),
                    Long.parseLong(processed.substring(0, processed.indexOf(' '))));
            for (String technology : List.of("Local", "SIP", "mISDN", "Transfer")) {
                assertTrue(status, section(lines, "Channel technologies").stream()
                        .anyMatch(line -> line.startsWith(technology + ":") && line.contains("serving")));
            }

            // each subsystem's StatusContributor, under its name, in name order
            int sipPort = Integer.getInteger("strowger.itest.sip.port");
            List<String> sip = section(lines, "SIP");
            // the demo endpoints' reachability depends on qualify timing: counted, not fixed
            assertTrue(status, sip.get(0).matches("Endpoints: 5( \\(.+\\))?"));
            assertEquals(status, List.of("Registrations: 0", "Dialogs: 0",
                    "Listening on: udp:127.0.0.1:" + sipPort + ", tcp:127.0.0.1:" + sipPort),
                    sip.subList(1, sip.size()));
            List<String> misdn = section(lines, "mISDN");
            assertEquals(status, 3, misdn.size());
            assertEquals(status, "Simulated card, 2 ports", misdn.get(0));
            assertTrue(status, misdn.get(1).matches(
                    "Port 1 \\(sim\\.1, TE\\): L1 (up|down), L2 (up|down), B-channels 0/2 in use"));
            assertTrue(status, misdn.get(2).matches(
                    "Port 2 \\(sim\\.2, NT\\): L1 (up|down), L2 (up|down), B-channels 0/2 in use"));
            List<String> transfer = section(lines, "Transfer");
            assertEquals(status, "Parked calls: 0", transfer.get(0));
            assertTrue(status, transfer.get(1).matches(
                    "Transfers since start: \\d+ blind, \\d+ attended, \\d+ failed; 0 in progress"));
            assertTrue(status, lines.indexOf("mISDN:") < lines.indexOf("SIP:")
                    && lines.indexOf("SIP:") < lines.indexOf("Transfer:")
                    && lines.indexOf("Transfer:") < lines.indexOf("Lock-order validator:"));

            assertEquals(status, "strict (violations throw)", labelled(lines, "Mode"));
            assertEquals(status, "0", labelled(lines, "Violations"));
            assertEquals(status, "0", labelled(lines, "Refused core calls"));
            assertTrue(status, Integer.parseInt(labelled(lines, "Lock classes seen")) > 0);
            assertTrue(status, labelled(lines, "Order edges seen").matches("\\d+"));
        } finally {
            channels.hangup(first, HangupCause.NORMAL_CLEARING);
            channels.hangup(second, HangupCause.NORMAL_CLEARING);
        }
        awaitUntil("the calls are gone", () -> channels.channelCount() == 0);
    }

    @Test
    public void logLevelsAreSetPerBundleAndLinesLoggedForACallCarryItsChannelName() throws Exception {
        // per bundle: DEBUG for the SIP driver leaves the PBX where it was
        assertTrue(execute("log:set DEBUG org.strowger.sip"), execute("log:get org.strowger.sip").contains("DEBUG"));
        awaitLevel("org.strowger.sip.internal.itest",
                () -> LoggerFactory.getLogger("org.strowger.sip.internal.itest").isDebugEnabled());
        assertFalse(execute("log:get org.strowger.pbx"), execute("log:get org.strowger.pbx").contains("DEBUG"));
        assertFalse(LoggerFactory.getLogger("org.strowger.pbx.internal.itest").isDebugEnabled());
        execute("log:set DEFAULT org.strowger.sip");
        // one change at a time: the next log:set waits until pax-logging applied this one
        awaitLevel("org.strowger.sip.internal.itest",
                () -> !LoggerFactory.getLogger("org.strowger.sip.internal.itest").isDebugEnabled());

        // the test container logs at WARN: the PBX's Verbose() and Log(NOTICE) lines need INFO
        assertTrue(execute("log:set INFO org.strowger.pbx"), execute("log:get org.strowger.pbx").contains("INFO"));
        awaitLevel("org.strowger.pbx.verbose",
                () -> LoggerFactory.getLogger("org.strowger.pbx.verbose").isInfoEnabled());
        useItestDialplan();
        Path log = Path.of(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"), "karaf.log");
        Channel caller = channels.request("Local/100@itest/n");
        try {
            caller.call(Duration.ofSeconds(10));
            Channel inner = channels.channels().stream()
                    .filter(channel -> channel.technology().equals(caller.technology()) && channel != caller)
                    .findFirst().orElseThrow(() -> new AssertionError("no inner half of " + caller.name()));
            String name = "[" + inner.name() + "]";
            String verbose = awaitLogLine(log, line -> line.contains(name) && line.contains(VERBOSE_TEXT));
            String logged = awaitLogLine(log, line -> line.contains(name) && line.contains(LOG_TEXT));
            // pattern: ... | bundle | [channel] message, for the channel that ran the dialplan step, once
            String prefix = "| " + name + " ";
            assertTrue(verbose, verbose.contains(prefix + VERBOSE_TEXT));
            assertTrue(logged, logged.contains(prefix + LOG_TEXT));
            assertTrue(verbose, verbose.contains(" | INFO  | ") && verbose.contains("strowger-pbx"));
        } finally {
            channels.hangup(caller, HangupCause.NORMAL_CLEARING);
            execute("log:set DEFAULT org.strowger.pbx");
        }
        awaitUntil("the call is gone", () -> channels.channelCount() == 0);
    }

    @Test
    public void aSipCallsDialplanLinesCarryItsSipChannelName() throws Exception {
        Path sipp = onPath("sipp");
        Assume.assumeTrue("sipp is not installed (./test.sh installs it)", sipp != null);
        awaitUntil("SIP technology", () -> channels.technology("SIP").isPresent());
        assertTrue(execute("log:set INFO org.strowger.pbx"), execute("log:get org.strowger.pbx").contains("INFO"));
        awaitLevel("org.strowger.pbx.verbose",
                () -> LoggerFactory.getLogger("org.strowger.pbx.verbose").isInfoEnabled());
        useItestDialplan();
        Path log = Path.of(System.getProperty("karaf.log", System.getProperty("karaf.data") + "/log"), "karaf.log");
        Path work = Files.createDirectories(Path.of(System.getProperty("karaf.data"), "itest-sipp"));
        // the SIP driver's own lines about the call (its trace of the BYE) carry the channel too
        assertTrue(execute("sip:trace loadgen on"), execute("sip:endpoints").contains("loadgen"));
        try {
            // sipp's own uac scenario from the loadgen trunk's address: INVITE 100, ACK, 2 s, BYE
            Process call = new ProcessBuilder(sipp.toString(),
                    "127.0.0.1:" + Integer.getInteger("strowger.itest.sip.port"), "-sn", "uac", "-s", "100",
                    "-i", "127.0.0.1", "-p", Integer.getInteger("strowger.itest.loadgen.port").toString(),
                    "-bind_local", "-mp", String.valueOf(FreePort.pick()), "-m", "1", "-d", "2000",
                    "-timeout", "20s", "-timeout_error", "-nostdin",
                    "-trace_err", "-error_file", work.resolve("errors.log").toString())
                    .directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("sipp.out").toFile()).start();
            if (!call.waitFor(30, TimeUnit.SECONDS)) {
                call.destroyForcibly();
                throw new AssertionError("sipp did not end within 30 s");
            }
            assertEquals("sipp's call failed; its errors: " + readIfThere(work.resolve("errors.log")), 0,
                    call.exitValue());

            String verbose = awaitLogLine(log, line -> line.contains("[SIP/loadgen-") && line.contains(VERBOSE_TEXT));
            String logged = awaitLogLine(log, line -> line.contains("[SIP/loadgen-") && line.contains(LOG_TEXT));
            assertTrue(verbose, verbose.matches(".* \\| \\[SIP/loadgen-[^\\]\\s]+\\] \\Q" + VERBOSE_TEXT + "\\E"));
            assertTrue(logged, logged.matches(".* \\| \\[SIP/loadgen-[^\\]\\s]+\\] \\Q" + LOG_TEXT + "\\E"));
            String traced = awaitLogLine(log, line -> line.contains("[SIP/loadgen-") && line.contains("<--- SIP from"));
            assertTrue(traced, traced.matches(".* \\| \\[SIP/loadgen-[^\\]\\s]+\\] <--- SIP from .*\\(loadgen\\):.*BYE .*"));
        } finally {
            execute("sip:trace loadgen off");
            execute("log:set DEFAULT org.strowger.pbx");
        }
        awaitUntil("the SIP call is gone", () -> channels.channelCount() == 0);
    }

    @Test
    public void aDriverDroppedIntoDeployAppearsServesCallsOnTheConsoleAndGoesWhenDeleted() throws Exception {
        Path jar = Path.of(System.getProperty(TEST_TECHNOLOGY_JAR));
        Path deployed = Path.of(System.getProperty("karaf.base"), "deploy", jar.getFileName().toString());

        Files.copy(jar, deployed, StandardCopyOption.REPLACE_EXISTING);
        Channel alice;
        Channel bob;
        try {
            awaitUntil("the Test technology is registered", () -> channels.technology("Test").isPresent());
            assertTrue(execute("strowger:version").contains("Test"));

            alice = channels.request("Test/alice");
            bob = channels.request("Test/bob");
            channels.bridge(alice, bob);
            String list = execute("strowger:channels");
            assertTrue(list, list.contains(alice.name()) && list.contains(bob.name()));
            assertTrue(list, list.contains("2 active channels"));
            String one = execute("strowger:channel " + alice.name());
            assertTrue(one, one.contains("UniqueID:") && one.contains(alice.uniqueId()) && one.contains(bob.name()));
            assertTrue(execute("strowger:locks"), execute("strowger:locks").contains("strict"));

            execute("strowger:hangup " + bob.name() + " 17");
            assertTrue(bob.isHungUp());
            assertEquals(HangupCause.USER_BUSY, alice.hangupCause().orElseThrow());
            assertTrue(execute("strowger:channels").contains("0 active channels"));

            // a call up when the driver leaves is hung up with cause 38
            alice = channels.request("Test/carol");
        } finally {
            Files.delete(deployed);
        }

        awaitUntil("the Test technology is gone", () -> channels.technology("Test").isEmpty());
        Channel carol = alice;
        awaitUntil("the call of the departed driver is hung up", carol::isHungUp);
        assertEquals(HangupCause.NETWORK_OUT_OF_ORDER, carol.hangupCause().orElseThrow());
        awaitUntil("the bundle is uninstalled", () -> Arrays.stream(context.getBundles())
                .noneMatch(bundle -> bundle.getSymbolicName().equals("strowger-test-technology")));
    }

    /** Adds the [itest] context to the demo dialplan (once per container) and reloads it. */
    private void useItestDialplan() throws Exception {
        synchronized (KarafDistributionIT.class) {
            if (!itestDialplanAdded) {
                Files.writeString(Path.of(System.getProperty("karaf.etc"), "extensions.conf"), ITEST_CONTEXT,
                        StandardOpenOption.APPEND);
                itestDialplanAdded = true;
            }
        }
        String reload = execute("dialplan:reload");
        assertTrue(reload, reload.contains("Dialplan reloaded"));
        assertTrue(execute("dialplan:show itest"), execute("dialplan:show itest").contains("'100' =>"));
    }

    /** The value after {@code "  Label:"} in the status report. */
    private static String labelled(List<String> lines, String label) {
        return lines.stream().filter(line -> line.startsWith("  " + label + ":")).findFirst()
                .map(line -> line.substring(line.indexOf(':') + 1).trim())
                .orElseThrow(() -> new AssertionError("no '" + label + ":' line in " + lines));
    }

    /** The indented lines under the heading {@code "Name:"}, without their indent. */
    private static List<String> section(List<String> lines, String heading) {
        int at = lines.indexOf(heading + ":");
        assertTrue("no section '" + heading + ":' in " + lines, at >= 0);
        List<String> section = new ArrayList<>();
        for (String line : lines.subList(at + 1, lines.size())) {
            if (!line.startsWith("  ")) {
                break;
            }
            section.add(line.substring(2));
        }
        return section;
    }

    private static Path onPath(String executable) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, executable);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static String readIfThere(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file) : "(none written)";
    }

    /** Waits until pax-logging applied a level set with log:set; fails with the levels in force. */
    private void awaitLevel(String logger, BooleanSupplier applied) throws Exception {
        try {
            awaitUntil("the level set for " + logger + " is applied", applied);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; log:get ALL says:\n" + execute("log:get ALL"), e);
        }
    }

    /** The first line of the log that matches, once it is there. */
    private static String awaitLogLine(Path log, Predicate<String> wanted) throws Exception {
        String[] found = new String[1];
        awaitUntil("karaf.log has the line looked for", () -> {
            try (Stream<String> lines = Files.lines(log, StandardCharsets.UTF_8)) {
                found[0] = lines.filter(wanted).findFirst().orElse(null);
                return found[0] != null;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return found[0];
    }
}
