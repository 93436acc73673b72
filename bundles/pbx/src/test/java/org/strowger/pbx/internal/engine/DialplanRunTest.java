package org.strowger.pbx.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.strowger.pbx.internal.engine.PbxFixture.awaitHungUp;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.DtmfFrame;
import org.strowger.channel.frame.VoiceFrame;

/** The run loop over the real channel core: one test per behaviour of the execution model. */
class DialplanRunTest {

    private PbxFixture pbx;

    @AfterEach
    void close() {
        if (pbx != null) {
            assertThat(pbx.core.invariantViolations()).isEmpty();
            pbx.close();
        }
    }

    @Test
    void stepsRunInOrderAndVariablesAndExpressionsWork() {
        pbx = new PbxFixture("""
                [globals]
                GREETING=hello

                [internal]
                exten => 100,1,Set(COUNT=$[1 + 2])
                 same => n,Set(WHO=${CALLERID(num)}-${GREETING}-${LEN(${EXTEN})})
                 same => n,Set(__INHERITED=yes)
                 same => n,Hangup(17)
                """);

        Channel alice = pbx.call("alice", "100", "internal");
        awaitHungUp(alice);

        assertThat(alice.variable("COUNT")).contains("3");
        assertThat(alice.variable("WHO")).contains("alice-hello-3");
        assertThat(alice.variable("__INHERITED")).contains("yes");
        assertThat(alice.hangupCause()).contains(HangupCause.USER_BUSY);
    }

    @Test
    void gotoAndGotoIfJumpToNumbersLabelsAndOtherExtensions() {
        pbx = new PbxFixture("""
                [internal]
                exten => 100,1,Set(X=1)
                 same => n,GotoIf($[${X} = 1]?yes:no)
                 same => n(no),Set(RESULT=no)
                 same => n,Hangup()
                 same => n(yes),Goto(200,1)
                exten => 200,1,Set(RESULT=jumped)
                 same => n,Hangup()
                """);

        Channel alice = pbx.call("alice", "100", "internal");
        awaitHungUp(alice);

        assertThat(alice.variable("RESULT")).contains("jumped");
    }

    @Test
    void gosubPassesArgumentsReturnsAValueAndRestoresLocals() {
        pbx = new PbxFixture("""
                [internal]
                exten => 100,1,Set(ARG1=caller)
                 same => n,Gosub(sub,s,1(a,b))
                 same => n,Set(RESULT=${GOSUB_RETVAL}/${ARG1})
                 same => n,Hangup()

                [sub]
                exten => s,1,Set(LOCAL(TMP)=${ARG1}${ARG2}${ARGC})
                 same => n,Return(${TMP})
                """);

        Channel alice = pbx.call("alice", "100", "internal");
        awaitHungUp(alice);

        assertThat(alice.variable("RESULT")).contains("ab2/caller");
        assertThat(alice.variable("TMP")).isEmpty();
    }

    @Test
    void anUnknownExtensionGoesToIAndTheHangupExtensionRuns() {
        pbx = new PbxFixture("""
                [internal]
                exten => 100,1,Hangup()
                exten => i,1,Set(SEEN=${INVALID_EXTEN})
                 same => n,Hangup()
                exten => h,1,Set(CLEANUP=done)
                """);

        Channel alice = pbx.call("alice", "999", "internal");
        awaitHungUp(alice);

        await().atMost(Duration.ofSeconds(5)).until(() -> alice.variable("CLEANUP").isPresent());
        assertThat(alice.variable("SEEN")).contains("999");
    }

    @Test
    void withoutIAnUnknownExtensionEndsTheCallAsUnallocated() {
        pbx = new PbxFixture("""
                [internal]
                exten => 100,1,Hangup()
                """);

        Channel alice = pbx.call("alice", "555", "internal");
        awaitHungUp(alice);

        assertThat(alice.hangupCause()).contains(HangupCause.UNALLOCATED);
    }

    @Test
    void anUnknownApplicationEndsTheCallAndLeavesOthersAlone() {
        pbx = new PbxFixture("""
                [internal]
                exten => 100,1,NoSuchApp(x)
                exten => 200,1,Answer()
                 same => n,Wait(10)
                """);

        Channel bad = pbx.call("alice", "100", "internal");
        Channel good = pbx.call("bob", "200", "internal");
        awaitHungUp(bad);

        await().atMost(Duration.ofSeconds(5)).until(() -> good.state() == ChannelState.UP);
        assertThat(good.isHungUp()).isFalse();
    }

    @Test
    void digitsDialledDuringWaitExtenSelectAnExtension() {
        pbx = new PbxFixture("""
                [internal]
                exten => s,1,Answer()
                 same => n,WaitExten(5)
                exten => 12,1,Set(CHOSEN=12)
                 same => n,Hangup()
                exten => t,1,Set(CHOSEN=timeout)
                """);

        Channel alice = pbx.call("alice", "", "internal");
        await().atMost(Duration.ofSeconds(5)).until(() -> alice.state() == ChannelState.UP);
        pbx.lineOf(alice).link.queueFrame(DtmfFrame.end('1', Duration.ofMillis(80)));
        pbx.lineOf(alice).link.queueFrame(DtmfFrame.end('2', Duration.ofMillis(80)));
        awaitHungUp(alice);

        assertThat(alice.variable("CHOSEN")).contains("12");
    }

    @Test
    void dialBridgesTheFirstCalleeThatAnswersAndRelaysAudio() {
        pbx = new PbxFixture("""
                [internal]
                exten => 200,1,Dial(Phone/bob&Phone/carol,20)
                 same => n,Set(AFTER=${DIALSTATUS})
                """);

        Channel alice = pbx.call("alice", "200", "internal");
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.phones.lines.stream()
                .filter(line -> line.resource.equals("bob") || line.resource.equals("carol")).count() == 2);
        Line bob = pbx.phones.line("bob");
        Line carol = pbx.phones.line("carol");
        bob.link.queueFrame(ControlFrame.of(Control.RINGING));
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.lineOf(alice).indications.contains(Control.RINGING));
        bob.link.queueFrame(ControlFrame.of(Control.ANSWER));

        await().atMost(Duration.ofSeconds(5)).until(() -> alice.bridgedPeer().isPresent());
        assertThat(alice.variable("DIALSTATUS")).contains("ANSWER");
        assertThat(carol.released).isEqualTo(HangupCause.ANSWERED_ELSEWHERE);
        VoiceFrame hello = new VoiceFrame(Codec.ULAW, new byte[160], 160, 0);
        pbx.lineOf(alice).link.queueFrame(hello);
        assertThat(bob.received).contains(hello);

        bob.link.farEndHangup(HangupCause.NORMAL_CLEARING);
        awaitHungUp(alice);
        assertThat(alice.variable("AFTER")).as("without g the dialplan ends with the call").isEmpty();
    }

    @Test
    void dialStatusTellsBusyAndUnavailable() {
        pbx = new PbxFixture("""
                [internal]
                exten => 200,1,Dial(Phone/bob,20)
                 same => n,Set(FIRST=${DIALSTATUS})
                 same => n,Dial(Nowhere/x)
                 same => n,Set(SECOND=${DIALSTATUS})
                 same => n,Hangup()
                """);

        Channel alice = pbx.call("alice", "200", "internal");
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.phones.lines.stream()
                .anyMatch(line -> line.resource.equals("bob")));
        pbx.phones.line("bob").link.queueFrame(ControlFrame.of(Control.BUSY));
        awaitHungUp(alice);

        assertThat(alice.variable("FIRST")).contains("BUSY");
        assertThat(alice.variable("SECOND")).contains("CHANUNAVAIL");
    }

    @Test
    void aDestinationWhoseCallCannotBePlacedIsHungUpAndNotLeftBehind() {
        pbx = new PbxFixture("""
                [internal]
                exten => 200,1,Dial(Phone/unreachable,20)
                 same => n,Set(STATUS=${DIALSTATUS})
                 same => n,Wait(5)
                """);

        Channel alice = pbx.call("alice", "200", "internal");
        await().atMost(Duration.ofSeconds(5)).until(() -> alice.variable("STATUS").isPresent());

        assertThat(alice.variable("STATUS")).contains("CHANUNAVAIL");
        assertThat(pbx.phones.line("unreachable").released).isEqualTo(HangupCause.DESTINATION_OUT_OF_ORDER);
        assertThat(pbx.channels.channels()).containsExactly(alice);
        pbx.channels.hangup(alice, HangupCause.NORMAL_CLEARING);
    }

    @Test
    void theClassicInjectionCannotAddADialDestination() {
        pbx = new PbxFixture("""
                [internal]
                exten => _X.,1,Dial(Phone/${EXTEN})
                 same => n,Set(RESULT=${DIALSTATUS})
                 same => n,Hangup()
                """);

        Channel attacker = pbx.call("mallory", "500&Phone/other", "internal");
        awaitHungUp(attacker);

        assertThat(attacker.variable("RESULT")).contains("INVALIDARGS");
        assertThat(pbx.phones.lines).extracting(line -> line.resource).doesNotContain("other", "500");
    }

    @Test
    void aCommaInACallerControlledValueCannotAddAnArgumentOrOption() {
        pbx = new PbxFixture("""
                [internal]
                exten => _X.,1,Set(TARGET=${EXTEN})
                 same => n,Dial(Phone/${TARGET},1)
                 same => n,Set(RESULT=${DIALSTATUS})
                 same => n,Hangup()
                """);

        Channel attacker = pbx.call("mallory", "5,60,g", "internal");
        awaitHungUp(attacker);

        assertThat(attacker.variable("RESULT")).contains("INVALIDARGS");
        assertThat(pbx.phones.lines).extracting(line -> line.resource).containsOnly("mallory");
    }

    @Test
    void aLocalChannelRunsTheDialplanAndIsOptimisedAwayOnceBridged() {
        pbx = new PbxFixture("""
                [internal]
                exten => 200,1,Dial(Local/300@internal,20)
                exten => 300,1,Dial(Phone/bob,20)
                """);

        Channel alice = pbx.call("alice", "200", "internal");
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.phones.lines.stream()
                .anyMatch(line -> line.resource.equals("bob")));
        Line bob = pbx.phones.line("bob");
        bob.link.queueFrame(ControlFrame.of(Control.ANSWER));
        await().atMost(Duration.ofSeconds(5)).until(() -> alice.bridgedPeer().isPresent());

        // audio flows, the Local pair sees both halves bridged and masquerades itself away
        Line aliceLine = pbx.lineOf(alice);
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            aliceLine.link.queueFrame(new VoiceFrame(Codec.ULAW, new byte[160], 160, 0));
            return alice.bridgedPeer().map(peer -> !peer.name().startsWith("Local/")).orElse(false);
        });
        assertThat(alice.bridgedPeer().orElseThrow().technology().toString()).isEqualTo("Phone");
        await().atMost(Duration.ofSeconds(5)).until(() -> pbx.channels.channels().stream()
                .noneMatch(channel -> channel.name().startsWith("Local/")));
        VoiceFrame hello = new VoiceFrame(Codec.ULAW, new byte[160], 160, 99);
        aliceLine.link.queueFrame(hello);
        assertThat(bob.received).contains(hello);
        assertThat(alice.isHungUp()).isFalse();
    }
}
