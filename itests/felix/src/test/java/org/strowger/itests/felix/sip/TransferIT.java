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
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.transfer.ParkedCall;
import org.strowger.transfer.TransferAdmin;

/**
 * The transfer features seen from SIP phones, on the {@link SipPlatform} with a dialplan of its
 * own: parking by REFER to the parking extension and retrieval by dialling the slot, the DTMF
 * attended transfer {@code *2} with RFC 4733 digits, and directed pickup ({@code *8102}).
 *
 * <p>Default feature settings (no {@code org.strowger.features} configuration): blind {@code #1},
 * attended {@code *2}, parking extension 700, slots 701-720 in context {@code parkedcalls},
 * transfer digit timeout 3 s. The {@code internal} context includes {@code parkedcalls}; Dial to
 * bob has the options {@code tT}, so both parties may transfer (Dial hands them to the features
 * as {@code DIAL_FEATURES}).
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TransferIT extends SipPlatform {

    private static final Pattern TELEPHONE_EVENT = Pattern.compile("a=rtpmap:(\\d+) telephone-event/8000");
    private static final int STAR = 10;

    static final String TRANSFER_DIALPLAN = String.join("\n",
            "[internal]",
            "include => parkedcalls",
            "exten => 101,1,Dial(SIP/alice,20)",
            " same => n,Hangup()",
            "exten => 102,1,Dial(SIP/bob,20,tT)",
            " same => n,Hangup()",
            "exten => 103,1,Dial(SIP/carol,20)",
            " same => n,Hangup()",
            "exten => _*8.,1,Pickup(${EXTEN:2}@internal)",
            " same => n,Hangup()",
            "",
            "[parkedcalls]",
            "exten => 700,1,Park()",
            "exten => _7[0-2]X,1,ParkedCall(${EXTEN})",
            "",
            "[load]",
            "exten => 9000,1,Dial(SIP/loadsink)",
            " same => n,Hangup()",
            "");

    @Override
    protected String dialplan() {
        return TRANSFER_DIALPLAN;
    }

    // --- 1 ---------------------------------------------------------------------------------------------------

    /**
     * alice calls bob (102) and REFERs him to 700: the final NOTIFY is 200, bob waits in slot 701
     * (the first), carol dials 701 and is bridged to him; when carol hangs up, bob's call ends.
     */
    @Test
    public void referToTheParkingExtensionParksAndDiallingTheSlotRetrieves() throws Exception {
        try (Sipp.Running bob = uas("uas-answer.xml").timeout(Duration.ofSeconds(25)).named("bob").start()) {
            assertTrue("bob listening", bob.awaitListening(LISTEN));
            registerAt("bob", bob.sipPort());

            // the scenario fails on a final sipfrag of 300 or more: it passing means NOTIFY 200
            SippResult alice = run(uac("refer-blind.xml").service("102").endpoint("alice", "alice-secret")
                    .set("refer_to", "700").pause(Duration.ofMillis(500)).named("alice").start());
            assertOk(alice);

            ParkedCall[] parked = new ParkedCall[1];
            awaitWhile(bob, "bob is parked in slot 701", Duration.ofSeconds(5), () -> {
                List<ParkedCall> lot = transferAdmin().parkedCalls();
                parked[0] = lot.stream().filter(p -> p.slot() == 701).findFirst().orElse(null);
                return lot.size() == 1 && parked[0] != null && parked[0].channel().startsWith("SIP/bob-");
            });
            String bobChannel = parked[0].channel();

            Sipp.Running carol = uac("call-echo.xml").service("701").endpoint("carol", "carol-secret")
                    .pause(Duration.ofMillis(2500)).named("carol-retrieves").start();
            String[] seen = new String[1];
            awaitWhile(carol, "carol dialled 701 and is bridged to " + bobChannel, Duration.ofSeconds(5), () -> {
                seen[0] = describeState();
                Optional<Channel> carolChannel = liveChannel("SIP/carol-");
                return carolChannel.flatMap(Channel::bridgedPeer).map(p -> p.name().equals(bobChannel)).orElse(false)
                        && transferAdmin().parkedCalls().isEmpty();
            }, seen);

            SippResult carolResult = run(carol);
            SippResult bobResult = run(bob);
            assertOk(carolResult);
            assertOk(bobResult);
            assertTrue("carol's call to 701 was answered:\n" + carolResult.describe(),
                    flowHas(carolResult, "<- SIP/2.0 200"));
            assertTrue("bob's call ended with carol's:\n" + bobResult.describe(), flowHas(bobResult, "<- BYE"));
        }
        assertEquals("the parking lot is empty", List.of(), transferAdmin().parkedCalls());
        assertNoCallsLeft();
    }

    // --- 2 ---------------------------------------------------------------------------------------------------

    /**
     * alice calls bob (102, Dial options tT), keys {@code *2} then 103 as RFC 4733 events; carol
     * answers the consultation call; alice hangs up, and bob and carol are left bridged to each
     * other. The test then hangs bob up, which ends carol's call too.
     */
    @Test
    public void starTwoAttendedTransferWithRfc4733DigitsLeavesBobBridgedToCarol() throws Exception {
        try (RtpProbe probe = RtpProbe.open();
                Sipp.Running bob = uas("uas-answer.xml").timeout(Duration.ofSeconds(25)).named("bob").start();
                Sipp.Running carol = uas("uas-answer.xml").timeout(Duration.ofSeconds(25)).named("carol").start()) {
            assertTrue("bob listening", bob.awaitListening(LISTEN));
            assertTrue("carol listening", carol.awaitListening(LISTEN));
            registerAt("bob", bob.sipPort());
            registerAt("carol", carol.sipPort());

            // alice hangs up 7 s after bob answered: time for *2, 103, carol's answer (and a 3 s digit timeout)
            Sipp.Running alice = uac("call-echo.xml").service("102").endpoint("alice", "alice-secret")
                    .rtpProbe(probe).pause(Duration.ofMillis(7000)).timeout(Duration.ofSeconds(25))
                    .named("alice-transferer").start();
            InetSocketAddress peer = awaitPeer(probe, alice);
            awaitWhile(alice, "alice and bob are bridged", Duration.ofSeconds(5), this::twoBridgedChannels);
            OptionalInt answered = answeredTelephoneEvent(alice.messagesLog());
            if (answered.isEmpty()) {
                SippResult result = alice.stop();
                throw new AssertionError("the SDP answer has no telephone-event (call-echo.xml offers 101)\n"
                        + result.describe());
            }
            int eventType = answered.getAsInt();

            probe.stream(peer, Duration.ofMillis(200));
            for (int digit : new int[] {STAR, 2}) {
                probe.sendDigit(peer, eventType, digit, 3);
                Thread.sleep(100);
            }
            // the features take bob off the bridge and play alice a dial tone or prompt; then the target
            Thread.sleep(500);
            for (int digit : new int[] {1, 0, 3}) {
                probe.sendDigit(peer, eventType, digit, 3);
                Thread.sleep(100);
            }
            String[] seen = new String[1];
            awaitWhile(alice, "carol answered alice's consultation call", Duration.ofSeconds(5), () -> {
                seen[0] = describeState();
                return liveChannel("SIP/carol-").map(c -> c.bridgedPeer().isPresent()).orElse(false);
            }, seen);

            SippResult aliceResult = run(alice);
            assertOk(aliceResult);
            awaitWhile(bob, "alice hung up: only bob and carol are left, bridged to each other",
                    Duration.ofSeconds(5), () -> {
                        seen[0] = describeState();
                        Optional<Channel> bobChannel = liveChannel("SIP/bob-");
                        Optional<Channel> carolChannel = liveChannel("SIP/carol-");
                        if (bobChannel.isEmpty() || carolChannel.isEmpty()
                                || !dialogEndpoints().equals(List.of("bob", "carol"))) {
                            return false;
                        }
                        Optional<Channel> bobPeer = bobChannel.get().bridgedPeer();
                        Optional<Channel> carolPeer = carolChannel.get().bridgedPeer();
                        boolean direct = bobPeer.map(p -> p == carolChannel.get()).orElse(false)
                                && twoBridgedChannels() && dialogsDriveTheChannels();
                        // the target was called through Local/103@internal: the pair takes itself out
                        // of the path once audio crosses it, and these sipp peers send none
                        boolean throughLocal = bobPeer.map(p -> p.name().startsWith("Local/103@internal-"))
                                .orElse(false)
                                && carolPeer.map(p -> p.name().startsWith("Local/103@internal-")).orElse(false)
                                && channels.channelCount() == 4;
                        return direct || throughLocal;
                    }, seen);

            channels.hangup(liveChannel("SIP/bob-").orElseThrow(), HangupCause.NORMAL_CLEARING);
            SippResult bobResult = run(bob);
            SippResult carolResult = run(carol);
            assertOk(bobResult);
            assertOk(carolResult);
            assertTrue("bob's call was hung up:\n" + bobResult.describe(), flowHas(bobResult, "<- BYE"));
            assertTrue("carol's call ended with bob's:\n" + carolResult.describe(), flowHas(carolResult, "<- BYE"));
        }
        assertNoCallsLeft();
    }

    // --- 3 ---------------------------------------------------------------------------------------------------

    /**
     * alice calls 102 and bob's phone rings; carol dials {@code *8102} and picks the call up: bob's
     * ringing is cancelled, alice is answered and bridged to carol; carol's BYE ends alice's call.
     */
    @Test
    public void directedPickupAnswersTheCallRingingAtAnExtension() throws Exception {
        try (Sipp.Running bob = uas("uas-ring-cancelled.xml").timeout(Duration.ofSeconds(25)).named("bob").start()) {
            assertTrue("bob listening", bob.awaitListening(LISTEN));
            registerAt("bob", bob.sipPort());

            Sipp.Running alice = uac("call-echo.xml").service("102").endpoint("alice", "alice-secret")
                    .pause(Duration.ofMillis(10000)).timeout(Duration.ofSeconds(25)).named("alice-caller").start();
            awaitWhile(alice, "bob's phone rings for alice", Duration.ofSeconds(5),
                    () -> liveChannel("SIP/bob-").map(c -> c.state() == ChannelState.RINGING).orElse(false));

            Sipp.Running carol = uac("call-echo.xml").service("*8102").endpoint("carol", "carol-secret")
                    .pause(Duration.ofMillis(2000)).named("carol-picks-up").start();
            String[] seen = new String[1];
            awaitWhile(carol, "carol is bridged to alice", Duration.ofSeconds(5), () -> {
                seen[0] = describeState();
                return liveChannel("SIP/carol-").flatMap(Channel::bridgedPeer)
                        .map(p -> p.name().startsWith("SIP/alice-")).orElse(false)
                        && channels.channelCount() == 2;
            }, seen);

            SippResult carolResult = run(carol);
            SippResult aliceResult = run(alice);
            SippResult bobResult = run(bob);
            assertOk(carolResult);
            assertOk(aliceResult);
            assertOk(bobResult);
            assertTrue("carol's *8102 was answered:\n" + carolResult.describe(), flowHas(carolResult, "<- SIP/2.0 200"));
            assertTrue("alice was answered:\n" + aliceResult.describe(), flowHas(aliceResult, "<- SIP/2.0 200"));
            assertTrue("alice's call ended with carol's:\n" + aliceResult.describe(), flowHas(aliceResult, "<- BYE"));
            assertTrue("bob's ringing was cancelled:\n" + bobResult.describe(), flowHas(bobResult, "<- CANCEL"));
        }
        assertEquals(1L, transferAdmin().statistics().pickups());
        assertNoCallsLeft();
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private TransferAdmin transferAdmin() {
        return service(TransferAdmin.class, "the transfer bundle");
    }

    /** The telephone-event payload type of the SDP answer sipp received, from its message log. */
    private static OptionalInt answeredTelephoneEvent(Path messagesLog) throws IOException {
        String log = Files.readString(messagesLog, StandardCharsets.UTF_8);
        for (String block : log.split("(?m)^.*message (?=received|sent)")) {
            if (block.startsWith("received") && block.contains("SIP/2.0 200")
                    && block.matches("(?s).*CSeq:\\s*\\d+ INVITE.*")) {
                Matcher matcher = TELEPHONE_EVENT.matcher(block);
                if (matcher.find()) {
                    return OptionalInt.of(Integer.parseInt(matcher.group(1)));
                }
            }
        }
        return OptionalInt.empty();
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
