package org.strowger.itests.felix.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assume.assumeTrue;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.strowger.channel.Channel;
import org.strowger.sip.DialogInfo;
import org.strowger.sip.MediaStatistics;
import org.strowger.sip.RegistrationInfo;

/**
 * The real SIP driver in native Felix (channel core, dialplan, JAIN-SIP, the driver, ConfigAdmin)
 * against real peers: sipp scenarios (src/test/resources/sipp/), baresip, an RTP probe, and raw
 * UDP datagrams. The platform, its configuration and the shared helpers are {@link SipPlatform}'s.
 *
 * <p>The throttling test switches to a dedicated short driver configuration (3 failures, 2 s
 * block) and restores the main one before it ends, waiting each time for the restarted driver;
 * that keeps every test independent of the order JUnit runs them in.
 *
 * <p>{@link #echoTestReturnsTheCallersRtp()} guards against the echo of a PCMA call being altered
 * by a needless A-law -> u-law -> A-law round trip (its message says why). The baresip test offers
 * MD5 challenges only, because baresip 1.0 rejects a 401/407 that also offers SHA-256.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SipIT extends SipPlatform {

    // --- 1 ---------------------------------------------------------------------------------------------------

    @Test
    public void registerWithDigestAndStayRegistered() throws Exception {
        SippResult digest = uac("register-digest.xml").endpoint("bob", "bob-secret").run();
        assertOk(digest);
        assertTrue("challenged first:\n" + digest.describe(), flowHas(digest, "<- SIP/2.0 401"));
        assertTrue("register-digest unregistered at its end: " + admin().registrations(), registrations("bob").isEmpty());

        int port = FreePorts.sip();
        SippResult register = uac("register.xml").local(port).endpoint("bob", "bob-secret").run();
        assertOk(register);
        awaitRegistered("bob", port);
        RegistrationInfo binding = registrations("bob").get(0);
        assertTrue(binding.toString(), binding.contact().startsWith("sip:bob@127.0.0.1:" + port));
        assertEquals(binding.toString(), "udp:127.0.0.1:" + port, binding.source());
        assertEquals(binding.toString(), "strowger-itest sipp", binding.userAgent());
        assertTrue(admin().endpoint("bob").toString(),
                admin().endpoint("bob").flatMap(e -> e.contact()).orElse("").contains(":" + port));

        // the same contact (sipp's -p) refreshed, then removed with Expires: 0
        SippResult unregister = uac("register-digest.xml").local(port).endpoint("bob", "bob-secret").run();
        assertOk(unregister);
        await("bob has no binding left", Duration.ofSeconds(3), () -> registrations("bob").isEmpty());
        assertNoCallsLeft();
    }

    // --- 2 ---------------------------------------------------------------------------------------------------

    @Test
    public void wrongPasswordIsRefusedAndRepeatedFailuresAreThrottled() throws Exception {
        SippResult wrong = uac("register-wrong-password.xml").endpoint("alice", "not-the-secret").run();
        assertOk(wrong);
        assertFalse("no 200 for a wrong password:\n" + wrong.describe(), flowHas(wrong, "<- SIP/2.0 200"));
        assertTrue(admin().registrations().toString(), registrations("alice").isEmpty());

        // throttling blocks the whole source address (127.0.0.1, every test's peer): a dedicated short
        // configuration, restored before the test ends
        reconfigureDriver(driverProperties(3, 2));
        try {
            SippResult guesses = uac("register-wrong-password.xml").endpoint("alice", "guess").calls(3).rate(5)
                    .named("guesses").run();
            assertOk(guesses);
            SippResult blocked = uac("register-forbidden.xml").set("user", "alice").named("blocked").run();
            assertOk(blocked);
            SippResult rightButBlocked = uac("register-digest.xml").endpoint("alice", "alice-secret")
                    .named("right-but-blocked").run();
            assertFalse("the right password is refused too while the source is blocked:\n"
                    + rightButBlocked.describe(), rightButBlocked.ok());
            assertTrue(rightButBlocked.describe(), flowHas(rightButBlocked, "<- SIP/2.0 403"));

            Thread.sleep(2300); // authBlockSeconds = 2
            SippResult afterBlock = uac("register-digest.xml").endpoint("alice", "alice-secret")
                    .named("after-block").run();
            assertOk(afterBlock);
        } finally {
            reconfigureDriver(driverProperties(MANY_FAILURES, 1));
        }
        assertNoCallsLeft();
    }

    // --- 3 ---------------------------------------------------------------------------------------------------

    @Test
    public void echoTestReturnsTheCallersRtp() throws Exception {
        MediaStatistics before = admin().mediaStatistics();
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("600").endpoint("alice", "alice-secret")
                    .rtpProbe(probe).pause(Duration.ofMillis(1500)).start();
            InetSocketAddress peer = awaitPeer(probe, call);
            assertTrue("the platform's media port is in its RTP range: " + peer,
                    peer.getPort() >= rtpPortMin && peer.getPort() <= rtpPortMax);
            assertEquals("one dialog while the call is up: " + admin().dialogs(), 1, admin().dialogs().size());
            DialogInfo dialog = admin().dialogs().get(0);
            assertEquals(dialog.toString(), "alice", dialog.endpoint());
            assertEquals(dialog.toString(), "inbound", dialog.direction());
            assertTrue(dialog.toString(), dialog.channel().startsWith("SIP/alice-"));

            probe.stream(peer, Duration.ofMillis(1000));
            boolean echoed = probe.awaitEchoed(35, Duration.ofSeconds(2));
            SippResult result = run(call);
            assertOk(result);
            assertTrue("the caller's BYE was answered:\n" + result.describe(), flowHas(result, "-> BYE"));
            assertTrue("RTP came back from the platform's media port: " + probe.describe(),
                    probe.received() >= 35 && peer.equals(probe.lastSource()));
            MediaStatistics after = admin().mediaStatistics();
            assertTrue(before + " -> " + after, after.packetsIn() - before.packetsIn() >= 35);
            assertTrue(before + " -> " + after, after.packetsOut() - before.packetsOut() >= 35);
            assertNoCallsLeft();
            // last, so that everything above is checked whatever this finds
            assertTrue("BUG (SIP driver / channel core): 600 sent back " + probe.received() + " packets but only "
                    + probe.echoed() + " of the 50 sent came back unchanged. The call is PCMA (the SDP answer says"
                    + " 8), but a SIP channel's native formats are the core's default {ULAW, ALAW} whatever was"
                    + " negotiated, so Echo() reads every frame converted to u-law and writes u-law, and the driver"
                    + " transcodes it back to A-law: A-law -> u-law -> A-law is lossy (16 of 256 codes change, e.g."
                    + " 0x0a -> 0x35, 0x8a -> 0xb5). " + probe.describe(), echoed);
        }
    }

    // --- 4 ---------------------------------------------------------------------------------------------------

    @Test
    public void callToARegisteredPhoneThenTheCallerHangsUp() throws Exception {
        try (Sipp.Running bob = uas("uas-answer.xml").named("bob").start()) {
            assertTrue("bob listening", bob.awaitListening(LISTEN));
            registerAt("bob", bob.sipPort());

            Sipp.Running alice = uac("call-echo.xml").service("102").endpoint("alice", "alice-secret")
                    .pause(Duration.ofMillis(1500)).named("alice").start();
            await("alice and bob are bridged", Duration.ofSeconds(5), this::twoBridgedChannels);
            assertEquals(dialogEndpoints().toString(), List.of("alice", "bob"), dialogEndpoints());

            SippResult caller = run(alice);
            SippResult callee = run(bob);
            assertOk(caller);
            assertOk(callee);
            assertTrue("the caller hung up:\n" + caller.describe(), flowHas(caller, "-> BYE"));
            assertTrue("the platform hung up bob:\n" + callee.describe(), flowHas(callee, "<- BYE"));
        }
        assertNoCallsLeft();
    }

    // --- 5 ---------------------------------------------------------------------------------------------------

    @Test
    public void callToARegisteredPhoneThatHangsUp() throws Exception {
        try (Sipp.Running bob = uas("uas-answer-then-bye.xml").pause(Duration.ofMillis(700)).named("bob").start()) {
            assertTrue("bob listening", bob.awaitListening(LISTEN));
            registerAt("bob", bob.sipPort());

            // alice would hang up after 8 s: the callee's BYE must reach her long before
            SippResult caller = run(uac("call-echo.xml").service("102").endpoint("alice", "alice-secret")
                    .pause(Duration.ofSeconds(8)).named("alice").start());
            SippResult callee = run(bob);
            assertOk(caller);
            assertOk(callee);
            assertTrue("bob hung up:\n" + callee.describe(), flowHas(callee, "-> BYE"));
            assertTrue("the platform relayed the hangup to alice:\n" + caller.describe(), flowHas(caller, "<- BYE"));
            assertFalse("alice did not have to hang up herself:\n" + caller.describe(), flowHas(caller, "-> BYE"));
        }
        assertNoCallsLeft();
    }

    // --- 6 ---------------------------------------------------------------------------------------------------

    @Test
    public void trunkCallIsBridgedToTheLoadSinkWithRtpBothWays() throws Exception {
        MediaStatistics before = admin().mediaStatistics();
        try (Sipp.Running sink = uas("uas-answer.xml").local(loadsinkPort).rtpEcho().named("loadsink").start()) {
            assertTrue("loadsink listening", sink.awaitListening(LISTEN));
            // uac-invite-trunk.xml streams the tone (rtp_stream, PCMA) for the whole hold; the sink echoes
            SippResult load = run(Sipp.scenario("uac-invite-trunk.xml").remote(sipPort).local(loadgenPort)
                    .service("9000").pause(Duration.ofMillis(1500)).timeout(SHORT).named("loadgen").start());
            SippResult sinkResult = run(sink);
            assertOk(load);
            assertOk(sinkResult);
            assertEquals(load.describe(), 1, load.successfulCalls());
        }
        MediaStatistics after = admin().mediaStatistics();
        long in = after.packetsIn() - before.packetsIn();
        long out = after.packetsOut() - before.packetsOut();
        // ~75 packets of tone loadgen -> platform -> loadsink, echoed loadsink -> platform -> loadgen: packets
        // in and out of both legs; well over one direction's worth means the relay works both ways
        assertTrue("RTP relayed both ways: " + in + " in, " + out + " out (" + before + " -> " + after + ")",
                in >= 100 && out >= 100);
        assertNoCallsLeft();
    }

    // --- 7 ---------------------------------------------------------------------------------------------------

    @Test
    public void callerCancelsBeforeTheAnswer() throws Exception {
        try (Sipp.Running bob = uas("uas-ring-cancelled.xml").named("bob").start()) {
            assertTrue("bob listening", bob.awaitListening(LISTEN));
            registerAt("bob", bob.sipPort());

            SippResult caller = run(uac("uac-cancel.xml").service("102").endpoint("alice", "alice-secret")
                    .named("alice").start());
            SippResult callee = run(bob);
            assertOk(caller);
            assertOk(callee);
            assertTrue(caller.describe(), flowHas(caller, "<- SIP/2.0 487"));
        }
        assertNoCallsLeft();
    }

    // --- 8 ---------------------------------------------------------------------------------------------------

    @Test
    public void unauthenticatedAndUnknownCallersAreRefused() throws Exception {
        SippResult challenged = uac("uac-unauthenticated.xml").service("600").set("user", "alice")
                .named("alice-without-credentials").run();
        assertOk(challenged);
        assertTrue("alice is challenged:\n" + challenged.describe(), flowHas(challenged, "<- SIP/2.0 407"));

        SippResult mallory = uac("uac-unknown-source.xml").service("600").set("user", "mallory").named("mallory").run();
        assertOk(mallory);

        // the trunk's name from another port than the trunk's: trunks are recognised by address and port
        SippResult fakeTrunk = uac("uac-unknown-source.xml").service("9000").set("user", "loadgen")
                .named("fake-loadgen").run();
        assertOk(fakeTrunk);
        assertNoCallsLeft();
    }

    // --- 9 ---------------------------------------------------------------------------------------------------

    @Test
    public void blindTransfer() throws Exception {
        try (Sipp.Running bob = uas("uas-answer.xml").named("bob").start();
                Sipp.Running carol = uas("uas-answer-then-bye.xml").pause(Duration.ofMillis(1000)).named("carol")
                        .start()) {
            assertTrue("bob listening", bob.awaitListening(LISTEN));
            assertTrue("carol listening", carol.awaitListening(LISTEN));
            registerAt("bob", bob.sipPort());
            registerAt("carol", carol.sipPort());

            SippResult alice = run(uac("refer-blind.xml").service("102").endpoint("alice", "alice-secret")
                    .set("refer_to", "103").pause(Duration.ofMillis(500)).named("alice").start());
            SippResult bobResult = run(bob);
            SippResult carolResult = run(carol);
            assertOk(alice);
            assertOk(bobResult);
            assertOk(carolResult);
            assertTrue("carol hung up the transferred call:\n" + carolResult.describe(), flowHas(carolResult, "-> BYE"));
            assertTrue("bob's call ended with carol's:\n" + bobResult.describe(), flowHas(bobResult, "<- BYE"));
        }
        assertNoCallsLeft();
    }

    // --- 10 --------------------------------------------------------------------------------------------------

    @Test
    public void attendedTransferLeavesBobBridgedToCarol() throws Exception {
        try (Sipp.Running bob = uas("uas-answer.xml").named("bob").start();
                Sipp.Running carol = uas("uas-answer-then-bye.xml").pause(Duration.ofMillis(4000)).named("carol")
                        .start()) {
            assertTrue("bob listening", bob.awaitListening(LISTEN));
            assertTrue("carol listening", carol.awaitListening(LISTEN));
            registerAt("bob", bob.sipPort());
            registerAt("carol", carol.sipPort());

            Sipp.Running alice = uac("attended-transferer.xml").service("102").endpoint("alice", "alice-secret")
                    .set("target", "103").pause(Duration.ofMillis(500)).named("alice").start();
            // after the transfer and before carol hangs up (4 s after she answered)
            String[] seen = new String[1];
            try {
                await("only bob and carol are left, bridged to each other", Duration.ofSeconds(4), () -> {
                    seen[0] = describeState();
                    return twoBridgedChannels() && dialogEndpoints().equals(List.of("bob", "carol"))
                            && dialogsDriveTheChannels();
                });
            } catch (AssertionError e) {
                SippResult aliceResult = alice.isAlive() ? alice.stop() : run(alice);
                throw new AssertionError(e.getMessage() + "\n  last seen: " + seen[0] + "\n"
                        + aliceResult.describe());
            }
            Set<String> names = channels.channels().stream().map(Channel::name).collect(Collectors.toSet());
            assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("SIP/bob-")));
            assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("SIP/carol-")));

            SippResult aliceResult = run(alice);
            SippResult bobResult = run(bob);
            SippResult carolResult = run(carol);
            assertOk(aliceResult);
            assertOk(bobResult);
            assertOk(carolResult);
            assertTrue("carol hung up:\n" + carolResult.describe(), flowHas(carolResult, "-> BYE"));
            assertTrue("bob's call ended with carol's:\n" + bobResult.describe(), flowHas(bobResult, "<- BYE"));
        }
        assertNoCallsLeft();
    }

    // --- 11 --------------------------------------------------------------------------------------------------

    /**
     * baresip 1.0 as Debian ships it (libre 1.1.0) fails a request outright ("Function not implemented")
     * when any challenge of a 401/407 names an algorithm other than MD5, so with the default
     * {@code authAlgorithms = MD5,SHA-256} it can neither register nor call (see the SipIT report). This
     * test offers MD5 only, for the time of the test, to check everything else baresip does.
     */
    @Test
    public void baresipRegistersAsAliceAndCallsTheEchoTest() throws Exception {
        assumeTrue("baresip is not installed", Baresip.available());
        BaresipResult result;
        Dictionary<String, Object> md5Only = driverProperties(MANY_FAILURES, 1);
        md5Only.put("authAlgorithms", "MD5");
        reconfigureDriver(md5Only);
        try (Baresip.Running alice = Baresip.account("alice", "alice-secret").registrar(sipPort).dial("600")
                .quitAfter(Duration.ofSeconds(3)).start()) {
            boolean registered = alice.awaitRegistered(Duration.ofSeconds(5));
            assertTrue(alice.snapshot().describe(), registered);
            assertEquals(admin().registrations().toString(), 1, registrations("alice").size());
            result = alice.await();
            await("baresip unregistered when it quit:\n" + result.describe(), Duration.ofSeconds(3),
                    () -> registrations("alice").isEmpty());
        } finally {
            reconfigureDriver(driverProperties(MANY_FAILURES, 1));
        }
        assertTrue(result.describe(), result.registered());
        assertEquals(result.describe(), 1, result.callsEstablished());
        assertEquals(result.describe(), 1, result.callsWithIncomingRtp());
        assertEquals(result.describe(), 1, result.callsClosed());
        assertFalse(result.describe(), result.killed());
        assertNoCallsLeft();
    }

    // --- 12 --------------------------------------------------------------------------------------------------

    @Test
    public void echoTestOverTcp() throws Exception {
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("600").endpoint("alice", "alice-secret").tcp()
                    .rtpProbe(probe).pause(Duration.ofMillis(1200)).named("alice-tcp").start();
            InetSocketAddress peer = awaitPeer(probe, call);
            List<DialogInfo> dialogs = admin().dialogs();
            assertEquals(dialogs.toString(), 1, dialogs.size());
            assertTrue("the dialog runs over TCP: " + dialogs, dialogs.get(0).remote().toLowerCase().startsWith("tcp"));
            probe.stream(peer, Duration.ofMillis(600));
            // media flows back (whether it comes back bit-exact is echoTestReturnsTheCallersRtp's subject)
            boolean echoed = probe.awaitReceived(20, Duration.ofSeconds(2));
            SippResult result = run(call);
            assertOk(result);
            assertTrue(probe.describe(), echoed);
        }
        assertNoCallsLeft();
    }

    // --- 13 --------------------------------------------------------------------------------------------------

    @Test
    public void badInputIsAnsweredOrDroppedAndCallsGoOn() throws Exception {
        try (RtpProbe probe = RtpProbe.open();
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(FreePorts.HOST), 0))) {
            Sipp.Running call = uac("call-echo.xml").service("600").endpoint("alice", "alice-secret")
                    .rtpProbe(probe).pause(Duration.ofMillis(2500)).named("alice-meanwhile").start();
            InetSocketAddress peer = awaitPeer(probe, call);
            InetSocketAddress driver = new InetSocketAddress(InetAddress.getByName(FreePorts.HOST), sipPort);
            int replyPort = socket.getLocalPort();

            List<String> garbage = exchange(socket, driver,
                    "\u0000\u00ff\u0013garbage \r\n not SIP at all \r\n\r\n".getBytes(StandardCharsets.ISO_8859_1),
                    Duration.ofMillis(400));
            assertTrue("garbage gets no answer: " + garbage, garbage.isEmpty());

            List<String> badvers = exchange(socket, driver, torture("badvers", replyPort), Duration.ofSeconds(2));
            assertEquals("badvers.sip (SIP/7.0): " + badvers, List.of("SIP/2.0 505"), statusOnly(badvers));
            assertTrue(badvers.toString(), badvers.get(0).contains("badvers.31417@c.example.com"));

            List<String> unkscm = exchange(socket, driver, torture("unkscm", replyPort), Duration.ofSeconds(2));
            assertEquals("unkscm.sip (unknown Request-URI scheme): " + unkscm, List.of("SIP/2.0 416"),
                    statusOnly(unkscm));
            assertTrue(unkscm.toString(), unkscm.get(0).contains("unkscm.nasdfasser0q239nwsdfasdkl34"));

            List<String> ltgtruri = exchange(socket, driver, torture("ltgtruri", replyPort), Duration.ofMillis(800));
            assertTrue("ltgtruri.sip (<> around the Request-URI): 400 or dropped, got " + ltgtruri,
                    ltgtruri.isEmpty() || statusOnly(ltgtruri).equals(List.of("SIP/2.0 400")));

            probe.stream(peer, Duration.ofMillis(500));
            boolean echoed = probe.awaitReceived(15, Duration.ofSeconds(2));
            SippResult result = run(call);
            assertOk(result);
            assertTrue("the call in progress kept its media: " + probe.describe(), echoed);
        }
        assertNoCallsLeft();
    }

    // --- raw datagrams ------------------------------------------------------------------------------------------

    /**
     * An RFC 4475 message from the driver's test corpus, with nothing changed but its top Via: sent-by
     * becomes our socket and the transport UDP, so that an answer comes back to us.
     */
    private static byte[] torture(String name, int replyPort) throws IOException {
        Path file = Path.of(System.getProperty("strowger.root"), "bundles/sip/src/test/resources/rfc4475", name + ".sip");
        String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        Matcher via = Pattern.compile("(?im)^(?:via|v)[ \\t]*:[ \\t]*SIP[ \\t]*/[ \\t]*[0-9.]+[ \\t]*/[ \\t]*([A-Za-z]+)[ \\t]+([^;\\s]+)")
                .matcher(text);
        if (!via.find()) {
            throw new AssertionError("no Via in " + file);
        }
        String rewritten = text.substring(0, via.start(1)) + "UDP" + text.substring(via.end(1), via.start(2))
                + FreePorts.HOST + ":" + replyPort + text.substring(via.end(2));
        return rewritten.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Sends one datagram and collects what comes back within {@code wait}. */
    private static List<String> exchange(DatagramSocket socket, InetSocketAddress to, byte[] datagram, Duration wait)
            throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, to));
        List<String> answers = new ArrayList<>();
        long deadline = System.nanoTime() + wait.toNanos();
        byte[] buffer = new byte[65536];
        while (true) {
            long left = (deadline - System.nanoTime()) / 1_000_000L;
            if (left <= 0) {
                return answers;
            }
            socket.setSoTimeout((int) Math.max(1, left));
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return answers;
            }
            answers.add(new String(packet.getData(), 0, packet.getLength(), StandardCharsets.ISO_8859_1));
            // one answer is what we wait for; a second one would be a retransmission or a bug: look a little more
            deadline = Math.min(deadline, System.nanoTime() + 300_000_000L);
        }
    }

    /** "SIP/2.0 505" of each answer. */
    private static List<String> statusOnly(List<String> answers) {
        return answers.stream().map(a -> a.length() >= 11 ? a.substring(0, 11) : a).toList();
    }
}
