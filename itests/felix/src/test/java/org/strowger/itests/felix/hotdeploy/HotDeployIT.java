package org.strowger.itests.felix.hotdeploy;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.itests.felix.FelixContainer;
import org.strowger.itests.felix.sip.FreePorts;
import org.strowger.itests.felix.sip.RtpProbe;
import org.strowger.itests.felix.sip.SipPlatform;
import org.strowger.itests.felix.sip.Sipp;
import org.strowger.itests.felix.sip.SippResult;
import org.strowger.itests.felix.misdn.MisdnBundles;
import org.strowger.misdn.MisdnAdmin;
import org.strowger.test.technology.TestTechnologyControl;

/**
 * Issue 8, "hot deploy under live calls": a driver bundle stopped or updated while a call is up.
 * The core hangs up the channels of a technology that leaves with cause 38
 * (NETWORK_OUT_OF_ORDER), their bridged peers in other technologies are hung up with them, the
 * dialplan keeps serving the technologies that stay, and the driver leaves no thread, file
 * descriptor or socket behind ({@link ProcessResources}, compared with a baseline taken while the
 * driver was up and idle). Started again, the driver serves a new call; the time from
 * {@code Bundle.start()} to serving is printed (the issue asks for under 2 s).
 *
 * <p>Only drivers are stopped: strowger-misdn-native stays active, because its JNI library loads
 * once per JVM and cannot be loaded again by a new class loader.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HotDeployIT extends SipPlatform {

    private static final String HOT_DEPLOY_DIALPLAN = DIALPLAN.replace("[load]", String.join("\n",
            "exten => _2XXX,1,Dial(mISDN/1/${EXTEN},20)",
            " same => n,Hangup()",
            "exten => 700,1,Dial(Test/far,20)",
            " same => n,Hangup()",
            "",
            "[from-isdn]",
            "exten => 2600,1,Answer()",
            " same => n,Echo()",
            "",
            "[load]"));

    /**
     * Threads that are no driver's and come and go on their own: the JVM's (JIT compilers, cleaners,
     * sipp's process reaper), the test's RTP probe, and the dialplan's call pool (strowger-pbx-N,
     * which grows with the calls of the test and lets idle workers go after 60 s).
     */
    private static final Predicate<String> NOT_A_DRIVER = name -> name.contains("CompilerThre")
            || name.contains("rtp-probe-") || name.matches("(java|native):strowger-pbx-N")
            || name.contains("process reaper") || name.contains("process reape") || name.contains("Common-Cleaner")
            || name.contains("ForkJoinPool") || name.contains("Attach Listener") || name.contains("Sweeper")
            || name.startsWith("native:GC ") || name.startsWith("native:G1 ");

    /** The SIP driver's threads and JAIN-SIP's (its stack is the driver's: created and stopped with it). */
    private static final Predicate<String> SIP_THREADS = name -> name.contains("strowger-sip")
            || name.contains("rtp-io-") || name.contains("EventScanner") || name.contains("DispatchAuditor") || name.contains("SipTimer")
            || name.contains("MessageProcesso");

    @Override
    protected String dialplan() {
        return HOT_DEPLOY_DIALPLAN;
    }

    @Override
    protected Option[] moreBundles() {
        return new Option[] {composite(MisdnBundles.bundles()), bundle(FelixContainer.testTechnologyUrl())};
    }

    // --- a: the SIP driver stopped ----------------------------------------------------------------------------

    @Test
    public void stoppingTheSipDriverHangsUpItsCallsLeavesNothingAndItServesAgainAtOnce() throws Exception {
        assumeTrue(ProcessResources.supported());
        warmUp();
        Bundle sip = installed("strowger-sip");
        ProcessResources baseline = ProcessResources.now();

        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("600").endpoint("alice", "alice-secret").rtpProbe(probe)
                    .pause(Duration.ofSeconds(20)).timeout(Duration.ofSeconds(30)).named("alice-600").start();
            awaitPeer(probe, call);
            Channel alice = only("SIP/alice-");

            long stopping = System.nanoTime();
            sip.stop();
            System.out.println("HotDeployIT: SIP Bundle.stop() with a call up took "
                    + (System.nanoTime() - stopping) / 1_000_000 + " ms");
            ProcessResources stopped = ProcessResources.now();
            await("the SIP channel is gone", SHORT, () -> channels.channels().isEmpty());
            assertEquals(Optional.of(HangupCause.NETWORK_OUT_OF_ORDER), alice.hangupCause());
            SippResult result = ended(call);
            System.out.println("HotDeployIT: alice after the SIP driver stopped: " + result.describe());
            assertTrue("the driver said goodbye before it closed its transports:\n" + result.describe(),
                    flowHas(result, "<- BYE"));

            assertDriverLeftNothing("SIP", baseline, awaitSettled(baseline), SIP_THREADS);
            assertTrue("the SIP port is released", udpFree(sipPort) && tcpFree(sipPort));
            assertTrue("the RTP ports are released", udpFree(rtpPortMin) && udpFree(rtpPortMin + 2));
            assertTrue(stopped.toString(), channels.technology("SIP").isEmpty());
            dialplanStillServesTest();
        } finally {
            startIfStopped(installed("strowger-sip"));
        }
        long[] serving = timeToServe(installed("strowger-sip"));
        System.out.printf("HotDeployIT: SIP Bundle.start() -> listening %d ms, REGISTER answered %d ms,"
                + " call to 600 answered %d ms%n", serving[0], serving[1], serving[2]);
        assertNoCallsLeft();
        List<String> grown = grownBeyondNoise(baseline, awaitSettled(baseline));
        assertTrue("back to the baseline: " + grown, grown.isEmpty());
    }

    // --- b: the SIP driver updated ----------------------------------------------------------------------------

    @Test
    public void updatingTheSipDriverHangsUpItsCallsAndTheNewRevisionServes() throws Exception {
        assumeTrue(ProcessResources.supported());
        warmUp();
        ProcessResources baseline = ProcessResources.now();
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("600").endpoint("alice", "alice-secret").rtpProbe(probe)
                    .pause(Duration.ofSeconds(20)).timeout(Duration.ofSeconds(30)).named("alice-600").start();
            awaitPeer(probe, call);
            Channel alice = only("SIP/alice-");

            long start = System.nanoTime();
            installed("strowger-sip").update();
            awaitDriver(-1);
            long listening = (System.nanoTime() - start) / 1_000_000;
            assertTrue(alice.isHungUp());
            assertEquals(Optional.of(HangupCause.NETWORK_OUT_OF_ORDER), alice.hangupCause());
            SippResult result = ended(call);
            assertTrue("alice got a BYE:\n" + result.describe(), flowHas(result, "<- BYE"));
            System.out.println("HotDeployIT: SIP Bundle.update() -> listening again " + listening + " ms");
        }
        echoCall();
        assertNoCallsLeft();
        List<String> grown = grownBeyondNoise(baseline, awaitSettled(baseline));
        assertTrue("back to the baseline after an update: " + grown, grown.isEmpty());
    }

    // --- c: the mISDN driver stopped --------------------------------------------------------------------------

    @Test
    public void stoppingTheMisdnDriverHangsUpBothIsdnChannelsAndTheSipPeer() throws Exception {
        assumeTrue(ProcessResources.supported());
        awaitMisdn();
        misdnEchoCall(); // the first call loads what every later call uses
        Bundle misdnDriver = installed("strowger-misdn");
        ProcessResources baseline = ProcessResources.now();
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("2600").endpoint("alice", "alice-secret")
                    .rtpProbe(probe).pause(Duration.ofSeconds(20)).timeout(Duration.ofSeconds(30))
                    .named("alice-2600").start();
            awaitPeer(probe, call);
            await("both ISDN channels are up", Duration.ofSeconds(5),
                    () -> liveChannel("mISDN/1-").isPresent() && liveChannel("mISDN/2-").isPresent());
            Channel out = liveChannel("mISDN/1-").orElseThrow();
            Channel in = liveChannel("mISDN/2-").orElseThrow();
            Channel alice = liveChannel("SIP/alice-").orElseThrow();

            misdnDriver.stop();
            await("every channel is gone", SHORT, () -> channels.channels().isEmpty());
            assertEquals(Optional.of(HangupCause.NETWORK_OUT_OF_ORDER), out.hangupCause());
            assertEquals(Optional.of(HangupCause.NETWORK_OUT_OF_ORDER), in.hangupCause());
            assertTrue(alice.isHungUp());
            SippResult result = ended(call);
            assertTrue("alice got a BYE:\n" + result.describe(), flowHas(result, "<- BYE"));
            assertEquals("the native bundle stays: its library loads once per JVM", Bundle.ACTIVE,
                    installed("strowger-misdn-native").getState());
            assertDriverLeftNothing("mISDN", baseline, awaitSettled(baseline), name -> name.contains("misdn")
                    || name.contains("strowger-sim"));
        } finally {
            startIfStopped(installed("strowger-misdn"));
        }
        long start = System.nanoTime();
        awaitMisdn();
        System.out.println("HotDeployIT: mISDN Bundle.start() -> MisdnAdmin up "
                + (System.nanoTime() - start) / 1_000_000 + " ms after the start returned");
        misdnEchoCall();
        assertNoCallsLeft();
        List<String> grown = grownBeyondNoise(baseline, awaitSettled(baseline));
        assertTrue("back to the baseline: " + grown, grown.isEmpty());
    }

    // --- d: a custom technology stopped -----------------------------------------------------------------------

    @Test
    public void stoppingTheTestTechnologyHangsUpItsChannelAndTheSipCaller() throws Exception {
        Bundle test = installed("strowger-test-technology");
        try {
            Sipp.Running call = uac("call-echo.xml").service("700").endpoint("alice", "alice-secret")
                    .pause(Duration.ofSeconds(20)).timeout(Duration.ofSeconds(30)).named("alice-700").start();
            await("Test/far is called", Duration.ofSeconds(5), () -> liveChannel("Test/far").isPresent());
            Channel far = liveChannel("Test/far").orElseThrow();
            testTechnology().lineOf(far).orElseThrow().send(ControlFrame.of(Control.ANSWER));
            await("alice and Test/far are bridged", Duration.ofSeconds(5), this::twoBridgedChannels);
            Channel alice = liveChannel("SIP/alice-").orElseThrow();

            test.stop();
            await("every channel is gone", SHORT, () -> channels.channels().isEmpty());
            assertEquals(Optional.of(HangupCause.NETWORK_OUT_OF_ORDER), far.hangupCause());
            assertTrue(alice.isHungUp());
            assertTrue(channels.technology("Test").isEmpty());
            SippResult result = ended(call);
            assertOk(result);
            assertTrue("alice got a BYE:\n" + result.describe(), flowHas(result, "<- BYE"));
        } finally {
            startIfStopped(test);
        }
        await("Test is back", Duration.ofSeconds(5), () -> channels.technology("Test").isPresent());
        dialplanStillServesTest();
        assertNoCallsLeft();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    /** One call first, so that classes loaded and pools filled on first use are part of the baseline. */
    private void warmUp() throws Exception {
        echoCall();
        assertNoCallsLeft();
    }

    private void echoCall() throws Exception {
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("600").endpoint("alice", "alice-secret").rtpProbe(probe)
                    .pause(Duration.ofMillis(300)).named("alice-600-after").start();
            awaitPeer(probe, call);
            assertOk(run(call));
        }
    }

    private void misdnEchoCall() throws Exception {
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("2600").endpoint("alice", "alice-secret")
                    .rtpProbe(probe).pause(Duration.ofMillis(500)).named("alice-2600-after").start();
            awaitPeer(probe, call);
            assertOk(run(call));
        }
        assertNoCallsLeft();
    }

    /** Bundle.start() to listening, to a REGISTER answered, to a call to 600 answered (ms). */
    private long[] timeToServe(Bundle sip) throws Exception {
        long[] times = new long[3];
        sip.stop();
        long start = System.nanoTime();
        sip.start();
        awaitDriver(-1);
        times[0] = (System.nanoTime() - start) / 1_000_000;
        assertOk(run(uac("register-digest.xml").endpoint("carol", "carol-secret").named("register-after-start")));
        times[1] = (System.nanoTime() - start) / 1_000_000;
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("600").endpoint("alice", "alice-secret").rtpProbe(probe)
                    .pause(Duration.ofMillis(300)).named("alice-600-after-start").start();
            awaitPeer(probe, call);
            times[2] = (System.nanoTime() - start) / 1_000_000;
            assertOk(run(call));
        }
        return times;
    }

    /** A call through the Test technology runs the dialplan to its end (601: Answer, Wait(1), Hangup). */
    private void dialplanStillServesTest() throws Exception {
        Channel line = testTechnology().inbound("dave", "601", "internal");
        await("the dialplan answered and hung up dave", Duration.ofSeconds(5), line::isHungUp);
        assertEquals(Optional.of(HangupCause.NORMAL_CLEARING), line.hangupCause());
    }

    private void assertDriverLeftNothing(String driver, ProcessResources baseline, ProcessResources after,
            Predicate<String> driverOwned) {
        Map<String, Integer> owned = baseline.threads(driverOwned);
        System.out.println("HotDeployIT: " + driver + " driver threads while up: " + owned + "; after stop: "
                + after.threads(driverOwned) + "; fds " + baseline.fdCount() + " -> " + after.fdCount() + ", sockets "
                + baseline.sockets() + " -> " + after.sockets());
        assertTrue(driver + " driver threads still running after the stop: " + after.threads(driverOwned),
                after.threads(driverOwned).isEmpty());
        assertTrue(driver + " driver left more than it had before the call: " + grownBeyondNoise(baseline, after),
                grownBeyondNoise(baseline, after).isEmpty());
    }

    private static List<String> grownBeyondNoise(ProcessResources baseline, ProcessResources now) {
        List<String> grown = new ArrayList<>(baseline.grownIn(now));
        grown.removeIf(entry -> NOT_A_DRIVER.test(entry.substring(0, entry.lastIndexOf(" +"))));
        return grown;
    }

    /** Threads end and descriptors close a little after the calls: waits up to 3 s for the baseline. */
    private static ProcessResources awaitSettled(ProcessResources baseline) throws InterruptedException {
        ProcessResources now = ProcessResources.now();
        for (int i = 0; i < 30 && !grownBeyondNoise(baseline, now).isEmpty(); i++) {
            Thread.sleep(100);
            now = ProcessResources.now();
        }
        return now;
    }

    /** The caller's sipp, which must end by itself within 3 s (it is killed after). */
    private SippResult ended(Sipp.Running call) throws InterruptedException {
        SippResult result = call.await(Duration.ofSeconds(3));
        note(result);
        return result;
    }

    private void awaitMisdn() throws InterruptedException {
        await("the mISDN driver is up", Duration.ofSeconds(10),
                () -> context.getServiceReference(MisdnAdmin.class) != null && channels.technology("mISDN").isPresent());
    }

    private TestTechnologyControl testTechnology() {
        return service(TestTechnologyControl.class, "the Test technology bundle");
    }

    private Bundle installed(String symbolicName) {
        for (Bundle bundle : context.getBundles()) {
            if (symbolicName.equals(bundle.getSymbolicName())) {
                return bundle;
            }
        }
        throw new AssertionError("no bundle " + symbolicName);
    }

    private static void startIfStopped(Bundle bundle) throws BundleException {
        if (bundle.getState() != Bundle.ACTIVE) {
            bundle.start();
        }
    }

    private Channel only(String prefix) throws InterruptedException {
        await("one " + prefix + " channel", Duration.ofSeconds(5), () -> liveChannel(prefix).isPresent());
        return liveChannel(prefix).orElseThrow();
    }


    private static boolean udpFree(int port) {
        try (DatagramSocket socket = new DatagramSocket(null)) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(FreePorts.HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean tcpFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(FreePorts.HOST), port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
