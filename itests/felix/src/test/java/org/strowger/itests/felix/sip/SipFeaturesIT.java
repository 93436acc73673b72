package org.strowger.itests.felix.sip;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceRegistration;
import org.strowger.channel.Channel;
import org.strowger.channel.event.ChannelEvent;
import org.strowger.channel.event.ChannelListener;
import org.strowger.sip.DialogInfo;
import org.strowger.sip.EndpointStatus;
import org.strowger.sip.EndpointStatus.Reachability;

/**
 * SIP features beyond the basic call, on the same platform as {@link SipIT} ({@link SipPlatform}):
 * hold and resume, INVITE with Replaces, qualify and live endpoint configuration, RFC 4733 DTMF,
 * A-law/u-law transcoding across a bridge, and the 488 for an offer without a common codec.
 *
 * <p>DTMF: the dialplan's 600 is {@code Answer()} then {@code Echo()}, and EchoApp writes every
 * DTMF frame it reads back to the caller (only {@code #} ends it), so the test sends digit 5 as
 * RFC 4733 packets from the {@link RtpProbe} and expects the driver's telephone-event packets for
 * event 5 back; no extra dialplan extension is needed.
 *
 * <p>Endpoint changes are made live (their factory configurations updated through
 * ConfigurationAdmin) and restored before the test ends. SipAdmin shows an endpoint's context but
 * not its codecs, so the codec test changes bob's context along with his codecs: seeing the new
 * context proves that the driver holds the new configuration (it replaces an endpoint as a whole).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class SipFeaturesIT extends SipPlatform {

    private static final Pattern TELEPHONE_EVENT = Pattern.compile("a=rtpmap:(\\d+) telephone-event/8000");

    // --- 1 ---------------------------------------------------------------------------------------------------

    @Test
    public void holdAndResumeShowInTheDialog() throws Exception {
        // -d 1000: up 1 s, on hold 1 s, resumed 1 s, then BYE
        Sipp.Running call = uac("call-hold.xml").service("600").endpoint("alice", "alice-secret")
                .pause(Duration.ofMillis(1000)).named("alice-hold").start();
        awaitWhile(call, "the call is up and not on hold", Duration.ofSeconds(5),
                () -> dialogOf("alice").map(d -> d.state().equals("confirmed") && !d.onHold()).orElse(false));
        awaitWhile(call, "the dialog shows onHold=true after the sendonly re-INVITE", Duration.ofSeconds(4),
                () -> dialogOf("alice").map(DialogInfo::onHold).orElse(false));
        awaitWhile(call, "the dialog shows onHold=false after the sendrecv re-INVITE", Duration.ofSeconds(4),
                () -> dialogOf("alice").map(d -> !d.onHold()).orElse(false));
        SippResult result = run(call);
        // the scenario checks the answers: a=recvonly to the hold, a=sendrecv to the resume
        assertOk(result);
        assertTrue(result.describe(), flowHas(result, "-> BYE"));
        assertNoCallsLeft();
    }

    // --- 2 ---------------------------------------------------------------------------------------------------

    @Test
    public void inviteWithReplacesTakesTheReplacedCallsPlace() throws Exception {
        try (Sipp.Running bob = uas("uas-answer.xml").named("bob").start()) {
            assertTrue("bob listening", bob.awaitListening(LISTEN));
            registerAt("bob", bob.sipPort());

            // -d 1500: call A for 1.5 s, then INVITE B with Replaces: A; B lasts 1.5 s
            Sipp.Running alice = uac("invite-replaces.xml").service("102").endpoint("alice", "alice-secret")
                    .set("target", "replace").pause(Duration.ofMillis(1500)).named("alice").start();
            String[] callA = new String[1];
            awaitWhile(alice, "call A: alice and bob are bridged", Duration.ofSeconds(5), () -> {
                Optional<DialogInfo> a = dialogOf("alice");
                callA[0] = a.map(DialogInfo::callId).orElse(null);
                return twoBridgedChannels() && a.isPresent() && !callA[0].startsWith("b///");
            });
            String callB = "b///" + callA[0];
            String[] seen = new String[1];
            awaitWhile(alice, "call B (" + callB + ") took call A's place: two channels bridged, SIP/alice-... driven"
                    + " by call B, no dialog of call A", Duration.ofSeconds(5), () -> {
                        seen[0] = describeState();
                        List<DialogInfo> dialogs = admin().dialogs();
                        return twoBridgedChannels() && dialogsDriveTheChannels()
                                && dialogs.stream().noneMatch(d -> d.callId().equals(callA[0]))
                                && dialogs.stream().anyMatch(d -> d.callId().equals(callB)
                                        && d.channel().startsWith("SIP/alice-"));
                    }, seen);
            List<String> names = channels.channels().stream().map(Channel::name).sorted().toList();
            assertEquals(names.toString(), 2, names.size());
            assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("SIP/alice-")));
            assertTrue(names.toString(), names.stream().anyMatch(n -> n.startsWith("SIP/bob-")));

            SippResult aliceResult = run(alice);
            SippResult bobResult = run(bob);
            // the scenario checks that call B was answered and that the BYE it got was call A's
            assertOk(aliceResult);
            assertOk(bobResult);
            assertTrue("call A was ended by the platform:\n" + aliceResult.describe(), flowHas(aliceResult, "<- BYE"));
            assertTrue("bob's call ended with call B:\n" + bobResult.describe(), flowHas(bobResult, "<- BYE"));
        }
        assertNoCallsLeft();
    }

    // --- 3 ---------------------------------------------------------------------------------------------------

    @Test
    public void qualifyAndLiveEndpointConfiguration() throws Exception {
        long driver = adminServiceId();
        assertEquals(carol().toString(), Reachability.UNMONITORED, carol().reachability());
        try (Sipp.Running phone = uas("uas-options.xml").calls(2).named("carol-options").start()) {
            assertTrue("carol's phone listening", phone.awaitListening(LISTEN));
            updateEndpoint("carol", Map.of("qualifyIntervalSeconds", 1, "context", "features"));
            await("carol's new configuration (context features, qualify on) is live", Duration.ofSeconds(5),
                    () -> carol().context().equals("features") && carol().reachability() != Reachability.UNMONITORED);
            assertEquals("the endpoint changed without restarting the driver", driver, adminServiceId());

            registerAt("carol", phone.sipPort());
            await("carol is qualified REACHABLE (" + carol() + ")", Duration.ofSeconds(5),
                    () -> carol().reachability() == Reachability.REACHABLE);
            EndpointStatus status = carol();
            assertTrue(status.toString(), status.roundTripMillis() >= 0);
            assertEquals(status.toString(), "features", status.context());

            SippResult options = run(phone); // ends after answering two OPTIONS, a second apart
            assertOk(options);
            assertTrue(options.describe(), flowHas(options, "<- OPTIONS"));
        } finally {
            restoreEndpoint("carol");
        }
        assertEquals("the driver was never restarted", driver, adminServiceId());
        assertNoCallsLeft();
    }

    // --- 4 ---------------------------------------------------------------------------------------------------

    @Test
    public void rfc4733DigitsAreEchoedAsTelephoneEvents() throws Exception {
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("600").endpoint("alice", "alice-secret")
                    .rtpProbe(probe).pause(Duration.ofMillis(2000)).named("alice-dtmf").start();
            InetSocketAddress peer = awaitPeer(probe, call);
            OptionalInt answered = answeredTelephoneEvent(call.messagesLog());
            if (answered.isEmpty()) {
                SippResult result = call.stop();
                throw new AssertionError("the SDP answer has no telephone-event (call-echo.xml offers 101)\n"
                        + result.describe());
            }
            int eventType = answered.getAsInt();

            probe.stream(peer, Duration.ofMillis(200));
            int duration = probe.sendDigit(peer, eventType, 5, 3); // 80 ms: begin, 3 updates, 3 ends
            boolean ended = awaitCondition(Duration.ofSeconds(2), () -> endPackets(probe, eventType).size() >= 3);
            Thread.sleep(100); // a fourth end packet would be a bug too
            List<RtpProbe.Event> ends = endPackets(probe, eventType);
            List<RtpProbe.Event> all = probe.events();
            SippResult result = run(call);
            assertOk(result);
            assertTrue("the platform echoed digit 5 as telephone-event (type " + eventType + ") packets with the"
                    + " end bit: " + probe.describe(), ended);
            assertEquals("three end packets: " + all, 3, ends.size());
            assertEquals("the end packets share the event's timestamp: " + all, 1,
                    ends.stream().mapToLong(RtpProbe.Event::timestamp).distinct().count());
            assertTrue("the end packets carry the digit's duration, " + duration + " samples: " + all,
                    ends.stream().allMatch(e -> e.duration() == duration));
            assertTrue("the event began with a marked packet: " + all,
                    all.stream().anyMatch(e -> e.event() == 5 && e.marker() && !e.end()));
            assertTrue("only event 5, only type " + eventType + ": " + all,
                    all.stream().allMatch(e -> e.event() == 5 && e.payloadType() == eventType));
        }
        assertNoCallsLeft();
    }

    // --- 5 ---------------------------------------------------------------------------------------------------

    @Test
    public void alawCallerBridgedToUlawCallee() throws Exception {
        updateEndpoint("bob", Map.of("codecs", "ulaw", "context", "ulaw-only"));
        try {
            await("bob's codecs=ulaw configuration is live", Duration.ofSeconds(5),
                    () -> admin().endpoint("bob").map(e -> e.context().equals("ulaw-only")).orElse(false));
            try (RtpProbe probe = RtpProbe.open();
                    Sipp.Running bob = uas("uas-answer.xml").rtpEcho().named("bob-ulaw").start()) {
                assertTrue("bob listening", bob.awaitListening(LISTEN));
                registerAt("bob", bob.sipPort());

                Sipp.Running alice = uac("call-pcma.xml").service("102").endpoint("alice", "alice-secret")
                        .rtpProbe(probe).pause(Duration.ofMillis(2000)).named("alice-pcma").start();
                InetSocketAddress peer = awaitPeer(probe, alice);
                awaitWhile(alice, "alice and bob are bridged", Duration.ofSeconds(5), this::twoBridgedChannels);
                String aliceMedia = dialogOf("alice").map(DialogInfo::media).orElse("(no dialog)");
                String bobMedia = dialogOf("bob").map(DialogInfo::media).orElse("(no dialog)");

                probe.stream(peer, Duration.ofMillis(1000));
                boolean back = probe.awaitReceived(35, Duration.ofSeconds(2));
                SippResult aliceResult = run(alice);
                SippResult bobResult = run(bob);
                assertOk(aliceResult); // the scenario checks that the answer is PCMA
                assertOk(bobResult);
                assertTrue("PCMA with alice: " + aliceMedia, aliceMedia.startsWith("PCMA "));
                assertTrue("PCMU with bob: " + bobMedia, bobMedia.startsWith("PCMU "));
                String bobLog = Files.readString(bobResult.messagesLog(), StandardCharsets.UTF_8);
                assertTrue("the platform offered bob u-law only:\n" + bobResult.describe(),
                        Pattern.compile("m=audio \\d+ RTP/AVP 0 101\\s").matcher(bobLog).find());
                // alice -> (PCMA) platform (PCMU) -> bob's echo -> platform -> (PCMA) alice: 50 sent
                assertTrue("RTP came back to alice through bob's echo: " + probe.describe(), back);
            }
        } finally {
            restoreEndpoint("bob");
        }
        assertNoCallsLeft();
    }

    // --- 6 ---------------------------------------------------------------------------------------------------

    @Test
    public void offerWithoutACommonCodecGets488AndNoChannel() throws Exception {
        List<ChannelEvent> created = new CopyOnWriteArrayList<>();
        ServiceRegistration<ChannelListener> listener = context.registerService(ChannelListener.class, event -> {
            if (event instanceof ChannelEvent.Created) {
                created.add(event);
            }
        }, null);
        try {
            SippResult result = run(uac("uac-no-common-codec.xml").service("600").endpoint("alice", "alice-secret")
                    .named("alice-g722"));
            assertOk(result); // INVITE (G722 only) -> 407 -> INVITE with credentials -> 488 with Warning: 305
            assertTrue(result.describe(), flowHas(result, "<- SIP/2.0 488"));
            Thread.sleep(200); // channel events are delivered on the core's event thread
            assertTrue("no channel was created: " + created, created.isEmpty());
        } finally {
            listener.unregister();
        }
        assertNoCallsLeft();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private Optional<DialogInfo> dialogOf(String endpoint) {
        return admin().dialogs().stream().filter(d -> d.endpoint().equals(endpoint)).findFirst();
    }

    private EndpointStatus carol() {
        return admin().endpoint("carol").orElseThrow(() -> new AssertionError("no endpoint carol"));
    }

    private static List<RtpProbe.Event> endPackets(RtpProbe probe, int payloadType) {
        return probe.events().stream().filter(e -> e.event() == 5 && e.end() && e.payloadType() == payloadType)
                .toList();
    }

    /**
     * The telephone-event payload type of the SDP answer (a 200 to an INVITE) that sipp received,
     * from its message log: sipp writes each message as it goes.
     */
    private static OptionalInt answeredTelephoneEvent(Path messagesLog) throws IOException {
        String log = Files.readString(messagesLog, StandardCharsets.UTF_8);
        for (String block : log.split("(?m)^.*message (?=received|sent)")) {
            if (block.startsWith("received") && block.contains("SIP/2.0 200") && block.matches("(?s).*CSeq:\\s*\\d+ INVITE.*")) {
                Matcher matcher = TELEPHONE_EVENT.matcher(block);
                if (matcher.find()) {
                    return OptionalInt.of(Integer.parseInt(matcher.group(1)));
                }
            }
        }
        return OptionalInt.empty();
    }

    private static boolean awaitCondition(Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Waits while a sipp runs; on failure stops it and reports what it and the platform did. */
    private void awaitWhile(Sipp.Running sipp, String what, Duration max, BooleanSupplier condition)
            throws InterruptedException {
        awaitWhile(sipp, what, max, condition, null);
    }

    private void awaitWhile(Sipp.Running sipp, String what, Duration max, BooleanSupplier condition,
            String[] lastSeen) throws InterruptedException {
        try {
            await(what, max, condition);
        } catch (AssertionError e) {
            SippResult result = sipp.isAlive() ? sipp.stop() : run(sipp);
            note(result);
            String seen = lastSeen != null && lastSeen[0] != null ? lastSeen[0] : describeState();
            throw new AssertionError(e.getMessage() + "\n  last seen: " + seen + "\n" + result.describe());
        }
    }
}
