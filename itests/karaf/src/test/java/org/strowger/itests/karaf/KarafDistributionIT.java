package org.strowger.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.HangupCause;

/**
 * The real distribution (our tar.gz) booted in Pax Exam's Karaf container: the Strowger bundles
 * are active on Felix, the channel service and console commands work, and a driver dropped into
 * {@code deploy/} comes and goes while the platform runs.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class KarafDistributionIT {

    private static final String TEST_TECHNOLOGY_JAR = "strowger.itest.test-technology.jar";
    /** The demo's 5060 may be taken on a shared machine: the SIP driver gets a free port. */
    private static final int SIP_PORT = FreePort.pick();

    @Inject
    BundleContext context;

    @Inject
    ChannelService channels;

    @Inject
    SessionFactory sessions;

    @Configuration
    public Option[] configuration() {
        return options(
                karafDistributionConfiguration()
                        .frameworkUrl(StrowgerArtifacts.distributionTarGz().toURI().toString())
                        .karafVersion(System.getProperty("karaf.version"))
                        .name("Strowger")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort",
                        String.valueOf(FreePort.pick())),
                logLevel(LogLevel.WARN),
                // every test runs under the strict lock-order validator: a violation throws
                editConfigurationFilePut("etc/org.strowger.channel.core.cfg", "strictLockOrder", "true"),
                editConfigurationFilePut("etc/org.strowger.sip.cfg", "port", String.valueOf(SIP_PORT)),
                systemProperty("strowger.itest.sip.port").value(String.valueOf(SIP_PORT)),
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

    private String execute(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Session session = sessions.create(new ByteArrayInputStream(new byte[0]), print, print);
            try {
                session.execute(command);
            } finally {
                session.close();
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L; // fileinstall polls every second
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 30 s waiting until " + what);
            }
            Thread.sleep(100);
        }
    }
}
