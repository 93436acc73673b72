package org.strowger.itests.felix.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.net.InetSocketAddress;
import java.time.Duration;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The wire-test harness on its own, before there is a SIP driver to test: the platform's side
 * is played by sipp stand-ins (sipp/mock/*.xml) or by the called-party scenarios themselves, so
 * that every client scenario, the RTP probe, the result parsing and the baresip runner have been
 * seen working. Plain JUnit 4 (the module's engine), no OSGi container. Skipped when sipp (or,
 * for the baresip tests, baresip) is not installed.
 */
public class SippHarnessIT {

    private static final Duration SHORT = Duration.ofSeconds(15);

    @BeforeClass
    public static void sippInstalled() {
        assumeTrue("sipp is not installed (Debian package sip-tester)", Sipp.available());
    }

    @Test
    public void callToSippUasEchoesTheProbesRtp() throws Exception {
        try (RtpProbe probe = RtpProbe.open();
                Sipp.Running callee = Sipp.scenario("uas-answer.xml").rtpEcho().timeout(SHORT).start()) {
            assertTrue("callee listening", callee.awaitListening(Duration.ofSeconds(5)));

            Sipp.Running caller = Sipp.scenario("call-echo.xml")
                    .remote(callee.sipPort())
                    .service("600")
                    .endpoint("alice", "alice-secret")
                    .rtpProbe(probe)
                    .pause(Duration.ofMillis(1500))
                    .timeout(SHORT)
                    .start();
            InetSocketAddress peer = probe.awaitPeer(Duration.ofSeconds(5));
            assertEquals("the answer's media port is the callee's -mp", callee.mediaPort(), peer.getPort());
            probe.stream(peer, Duration.ofMillis(1000));
            boolean echoed = probe.awaitEchoed(45, Duration.ofSeconds(2));

            SippResult callerResult = caller.await();
            SippResult calleeResult = callee.await();
            assertTrue(callerResult.describe(), callerResult.ok());
            assertTrue(calleeResult.describe(), calleeResult.ok());
            assertEquals(1, callerResult.successfulCalls());
            assertTrue(probe.describe(), echoed);
            assertEquals(probe.describe(), callee.mediaPort(), probe.lastSource().getPort());
        }
    }

    @Test
    public void registerAndCallOverTcp() throws Exception {
        try (Sipp.Running registrar = Sipp.scenario("mock/mock-registrar.xml")
                .set("user", "bob").set("password", "bob-secret").tcp().timeout(SHORT).start()) {
            registrar.awaitListening(Duration.ofSeconds(5));
            SippResult register = Sipp.scenario("register-digest.xml")
                    .remote(registrar.sipPort()).endpoint("bob", "bob-secret").tcp().timeout(SHORT).run();
            assertTrue(register.describe(), register.ok());
            assertTrue(register.describe(), register.messageFlow().get(0).startsWith("-> REGISTER"));
            assertTrue(registrar.await().describe(), registrar.await().ok());
        }
        try (Sipp.Running callee = Sipp.scenario("uas-answer-then-bye.xml")
                .tcp().pause(Duration.ofMillis(300)).timeout(SHORT).start()) {
            callee.awaitListening(Duration.ofSeconds(5));
            SippResult call = Sipp.scenario("call-echo.xml")
                    .remote(callee.sipPort()).service("102").endpoint("alice", "alice-secret")
                    .tcp().pause(Duration.ofSeconds(5)).timeout(SHORT).run();
            assertTrue(call.describe(), call.ok());
            assertTrue("the callee hung up:\n" + call.describe(),
                    call.messageFlow().stream().anyMatch(m -> m.startsWith("<- BYE ")));
            assertTrue(callee.await().describe(), callee.await().ok());
        }
    }

    @Test
    public void digestChallengesForRegisterAndInviteAreAnswered() throws Exception {
        try (Sipp.Running registrar = Sipp.scenario("mock/mock-registrar.xml")
                .set("user", "alice").set("password", "alice-secret").timeout(SHORT).start()) {
            registrar.awaitListening(Duration.ofSeconds(5));
            SippResult register = Sipp.scenario("register-digest.xml")
                    .remote(registrar.sipPort())
                    .endpoint("alice", "alice-secret")
                    .timeout(SHORT)
                    .run();
            assertTrue(register.describe(), register.ok());
            SippResult mock = registrar.await();
            assertTrue("the stand-in verified the credentials:\n" + mock.describe(), mock.ok());
        }

        try (Sipp.Running platform = Sipp.scenario("mock/mock-uas-digest.xml")
                .set("user", "alice").set("password", "alice-secret").timeout(SHORT).start()) {
            platform.awaitListening(Duration.ofSeconds(5));
            SippResult call = Sipp.scenario("call-echo.xml")
                    .remote(platform.sipPort())
                    .service("600")
                    .endpoint("alice", "alice-secret")
                    .pause(Duration.ofMillis(200))
                    .timeout(SHORT)
                    .run();
            assertTrue(call.describe(), call.ok());
            assertTrue("challenged INVITE retried:\n" + call.describe(),
                    call.messageFlow().stream().filter(m -> m.startsWith("-> INVITE")).count() == 2);
            SippResult mock = platform.await();
            assertTrue("the stand-in verified the credentials:\n" + mock.describe(), mock.ok());
        }
    }

    @Test
    public void wrongPasswordIsRefusedAndRefusalsAreScenarioSuccesses() throws Exception {
        try (Sipp.Running registrar = Sipp.scenario("mock/mock-registrar.xml")
                .set("user", "alice").set("password", "alice-secret").timeout(SHORT).start()) {
            registrar.awaitListening(Duration.ofSeconds(5));
            SippResult wrong = Sipp.scenario("register-wrong-password.xml")
                    .remote(registrar.sipPort())
                    .endpoint("alice", "not-the-secret")
                    .timeout(SHORT)
                    .run();
            assertTrue(wrong.describe(), wrong.ok());
            SippResult mock = registrar.await();
            assertEquals("the stand-in rejected the credentials:\n" + mock.describe(), 1, mock.failedCalls());
        }

        try (Sipp.Running platform = Sipp.scenario("mock/mock-reject.xml").set("code", "403").timeout(SHORT).start()) {
            platform.awaitListening(Duration.ofSeconds(5));
            SippResult refused = Sipp.scenario("uac-unknown-source.xml")
                    .remote(platform.sipPort())
                    .service("9000")
                    .set("user", "mallory")
                    .timeout(SHORT)
                    .run();
            assertTrue(refused.describe(), refused.ok());
            assertTrue(platform.await().describe(), platform.await().ok());
        }
    }

    @Test
    public void failedCallGivesExitCodeOneAndTheErrorLog() throws Exception {
        try (Sipp.Running busy = Sipp.scenario("mock/mock-reject.xml").set("code", "486").timeout(SHORT).start()) {
            busy.awaitListening(Duration.ofSeconds(5));
            SippResult call = Sipp.scenario("call-echo.xml")
                    .remote(busy.sipPort())
                    .service("600")
                    .endpoint("alice", "alice-secret")
                    .timeout(SHORT)
                    .run();
            assertFalse(call.describe(), call.ok());
            assertEquals(call.describe(), 1, call.exitCode());
            assertEquals(call.describe(), 0, call.successfulCalls());
            assertEquals(call.describe(), 1, call.failedCalls());
            assertTrue("the error log names the response:\n" + call.describe(), call.errors().contains("486 Busy Here"));
            assertTrue(call.describe(), call.describe().contains("486 Busy Here"));
        }
    }

    @Test
    public void trunkCallsStreamTheToneToTheCallee() throws Exception {
        try (RtpProbe probe = RtpProbe.open();
                Sipp.Running sink = Sipp.scenario("mock/mock-uas-media-sink.xml")
                        .set("rtp_port", probe.port()).calls(2).timeout(SHORT).start()) {
            sink.awaitListening(Duration.ofSeconds(5));
            int loadgenPort = FreePorts.sip();
            SippResult load = Sipp.scenario("uac-invite-trunk.xml")
                    .remote(sink.sipPort())
                    .local(loadgenPort)
                    .service("9000")
                    .calls(2).rate(10).limit(2)
                    .pause(Duration.ofMillis(1000))
                    .quiet()
                    .timeout(SHORT)
                    .run();
            assertTrue(load.describe(), load.ok());
            assertEquals(load.describe(), 2, load.successfulCalls());
            SippResult sinkResult = sink.await();
            assertTrue(sinkResult.describe(), sinkResult.ok());
            // 2 calls x 1 s of 20 ms frames, from the caller's media port
            assertTrue(probe.describe(), probe.received() >= 60);
        }
    }

    @Test
    public void cancelAndTransferScenariosAgainstStandIns() throws Exception {
        try (Sipp.Running callee = Sipp.scenario("uas-ring-cancelled.xml").timeout(SHORT).start()) {
            callee.awaitListening(Duration.ofSeconds(5));
            SippResult cancel = Sipp.scenario("uac-cancel.xml")
                    .remote(callee.sipPort()).service("102").endpoint("alice", "alice-secret").timeout(SHORT).run();
            assertTrue(cancel.describe(), cancel.ok());
            assertTrue(callee.await().describe(), callee.await().ok());
        }

        try (Sipp.Running platform = Sipp.scenario("mock/mock-refer-handler.xml")
                .set("refer_to", "103").set("bye_first", "yes").timeout(SHORT).start()) {
            platform.awaitListening(Duration.ofSeconds(5));
            SippResult blind = Sipp.scenario("refer-blind.xml")
                    .remote(platform.sipPort()).service("102").endpoint("alice", "alice-secret")
                    .set("refer_to", "103").pause(Duration.ofMillis(200)).timeout(SHORT).run();
            assertTrue(blind.describe(), blind.ok());
            assertTrue(platform.await().describe(), platform.await().ok());
        }

        try (Sipp.Running platform = Sipp.scenario("mock/mock-attended-handler.xml")
                .set("target", "103").timeout(SHORT).start()) {
            platform.awaitListening(Duration.ofSeconds(5));
            SippResult attended = Sipp.scenario("attended-transferer.xml")
                    .remote(platform.sipPort()).service("102").endpoint("alice", "alice-secret")
                    .set("target", "103").pause(Duration.ofMillis(200)).timeout(SHORT).run();
            assertTrue(attended.describe(), attended.ok());
            SippResult mock = platform.await();
            assertTrue("the stand-in checked Refer-To and Replaces:\n" + mock.describe(), mock.ok());
        }
    }

    @Test
    public void baresipRegistersAndCallsASippPlatformStandIn() throws Exception {
        assumeTrue("baresip is not installed", Baresip.available());
        try (Sipp.Running registrar = Sipp.scenario("mock/mock-registrar.xml")
                .set("user", "alice").set("password", "alice-secret").timeout(SHORT).start();
                Sipp.Running platform = Sipp.scenario("mock/mock-uas-digest.xml")
                        .set("user", "alice").set("password", "alice-secret").rtpEcho().timeout(SHORT).start()) {
            registrar.awaitListening(Duration.ofSeconds(5));
            platform.awaitListening(Duration.ofSeconds(5));

            BaresipResult alice = Baresip.account("alice", "alice-secret")
                    .registrar(registrar.sipPort())
                    .dial("sip:600@" + FreePorts.HOST + ":" + platform.sipPort())
                    .quitAfter(Duration.ofSeconds(2))
                    .run();

            assertTrue(alice.describe(), alice.registered());
            assertEquals(alice.describe(), 1, alice.callsEstablished());
            assertEquals(alice.describe(), 1, alice.callsWithIncomingRtp());
            assertFalse(alice.describe(), alice.killed());
            SippResult registrarResult = registrar.await();
            SippResult platformResult = platform.await();
            assertTrue(registrarResult.describe(), registrarResult.ok());
            assertTrue(platformResult.describe(), platformResult.ok());
        }
    }

    @Test
    public void baresipAnswersASippCall() throws Exception {
        assumeTrue("baresip is not installed", Baresip.available());
        try (RtpProbe probe = RtpProbe.open();
                Baresip.Running bob = Baresip.account("bob", "bob-secret")
                        .registrar(FreePorts.sip())
                        .regint(0)
                        .quitAfter(Duration.ofSeconds(4))
                        .start()) {
            assertTrue("baresip listening", bob.awaitListening(Duration.ofSeconds(5)));
            Sipp.Running call = Sipp.scenario("call-echo.xml")
                    .remote(bob.sipPort())
                    .service("bob")
                    .endpoint("alice", "alice-secret")
                    .rtpProbe(probe)
                    .pause(Duration.ofMillis(1500))
                    .timeout(SHORT)
                    .start();
            InetSocketAddress peer = probe.awaitPeer(Duration.ofSeconds(5));
            probe.stream(peer, Duration.ofMillis(600));
            SippResult result = call.await();
            BaresipResult bobResult = bob.await();
            assertTrue(result.describe() + "\n" + bobResult.describe(), result.ok());
            assertEquals(bobResult.describe(), 1, bobResult.callsEstablished());
            // baresip sends its tone from the start of the call
            assertTrue(probe.describe(), probe.received() >= 20);
        }
    }
}
