package org.strowger.pbx.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.strowger.pbx.internal.engine.PbxFixture.awaitHungUp;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.awaitility.core.ConditionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.DialplanApplication;

/**
 * Calls that wait without a thread: Dial suspends while its destinations ring and while the call
 * is bridged, and the run loop picks the call up again on the pool when the wait is over. The
 * invariants: a waiting call holds no pool thread; a call ends, and runs its {@code h}
 * extension, exactly once, whichever side hangs up; {@code maxCalls} counts waiting calls.
 */
class SuspendedCallTest {

    private static final String BRIDGED = """
            [internal]
            exten => 200,1,Dial(Phone/b${CALLERID(num)},30)
             same => n,Set(AFTER=${DIALSTATUS})
            exten => 300,1,Dial(Phone/bob,30,g)
             same => n,Set(AFTER=${DIALSTATUS}/${DIALEDPEERNAME})
             same => n,Wait(30)
            exten => h,1,Set(HRUNS=${HRUNS}x)
             same => n,Set(HSEEN=${DIALSTATUS}/${ANSWEREDTIME})
            """;

    /** Threads that are not the pool's but may come and go meanwhile (the JDK's delay timer, Awaitility's). */
    private static final int SLACK = 4;

    private PbxFixture pbx;

    @AfterEach
    void close() {
        if (pbx != null) {
            assertThat(pbx.core.invariantViolations()).isEmpty();
            pbx.close();
        }
    }

    @Test
    void twoHundredBridgedCallsHoldNoPoolThreadAndTheThreadCountStaysFlat() throws InterruptedException {
        pbx = new PbxFixture(BRIDGED, 1000, 16);
        int before = liveThreads();

        List<Channel> callers = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            callers.add(bridgedCall("a" + i));
            if (i == 99) {
                soon().until(() -> pbx.pool.suspendedCalls() == 100);
                assertThat(liveThreads() - before).as("threads with 100 bridged calls").isLessThanOrEqualTo(16 + SLACK);
            }
        }
        soon().until(() -> pbx.pool.suspendedCalls() == 200);

        assertThat(pbx.pool.callsInDialplan()).isEqualTo(200);
        // the thread that suspended the last call may still be on its way back to the pool
        soon().until(() -> pbx.pool.busyThreads() == 0);
        Thread.sleep(200);
        assertThat(pbx.pool.busyThreads()).as("pool threads running a step while 200 calls are bridged").isZero();
        assertThat(pbx.pool.largestThreads()).isLessThanOrEqualTo(16);
        assertThat(liveThreads() - before).as("threads with 200 bridged calls").isLessThanOrEqualTo(16 + SLACK);
        assertThat(callers).allSatisfy(caller -> assertThat(caller.bridgedPeer()).isPresent());
        assertThat(callers.get(0).application()).as("the console still shows Dial running").isEqualTo("Dial");

        // and all of them still end properly, each running its h extension once
        for (int i = 0; i < 200; i++) {
            Line callee = pbx.phones.line("ba" + i);
            (i % 2 == 0 ? callee : pbx.lineOf(callers.get(i))).link.farEndHangup(HangupCause.NORMAL_CLEARING);
        }
        soon().until(() -> pbx.pool.callsInDialplan() == 0);
        assertThat(callers).allSatisfy(caller -> {
            assertThat(caller.isHungUp()).isTrue();
            assertThat(caller.variable("HRUNS")).contains("x");
        });
    }

    @ParameterizedTest(name = "hung up by the {0}")
    @ValueSource(strings = {"caller", "callee"})
    void theHangupExtensionRunsOnceAfterABridgedCallEndsAndSeesDialsVariables(String side) throws Exception {
        pbx = new PbxFixture(BRIDGED);
        Channel alice = bridgedCall("alice");
        Line bob = pbx.phones.line("balice");
        Thread.sleep(1100);

        (side.equals("caller") ? pbx.lineOf(alice) : bob).link.farEndHangup(HangupCause.USER_BUSY);

        awaitHungUp(alice);
        soon().until(() -> pbx.pool.callsInDialplan() == 0);
        assertThat(alice.variable("HRUNS")).contains("x");
        assertThat(alice.variable("DIALSTATUS")).contains("ANSWER");
        assertThat(alice.variable("ANSWEREDTIME")).hasValueSatisfying(
                seconds -> assertThat(Integer.parseInt(seconds)).isGreaterThanOrEqualTo(1));
        assertThat(alice.variable("HSEEN")).contains("ANSWER/" + alice.variable("ANSWEREDTIME").orElseThrow());
        assertThat(alice.variable("AFTER")).as("without g the dialplan ends with the bridged call").isEmpty();
        assertThat(bob.released).isEqualTo(HangupCause.USER_BUSY);
        assertThat(alice.hangupCause()).contains(HangupCause.USER_BUSY);
        Thread.sleep(200);
        assertThat(alice.variable("HRUNS")).as("h ran exactly once").contains("x");
    }

    @Test
    void bothSidesHangingUpAtOnceEndEachCallOnce() throws Exception {
        pbx = new PbxFixture(BRIDGED, 1000, 8);
        List<Channel> callers = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            callers.add(bridgedCall("c" + i));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> hangers = new ArrayList<>();
        for (int i = 0; i < callers.size(); i++) {
            for (Line line : List.of(pbx.lineOf(callers.get(i)), pbx.phones.line("bc" + i))) {
                Thread thread = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    line.link.farEndHangup(HangupCause.NORMAL_CLEARING);
                });
                thread.start();
                hangers.add(thread);
            }
        }
        go.countDown();
        for (Thread thread : hangers) {
            thread.join(5000);
        }

        soon().until(() -> pbx.pool.callsInDialplan() == 0);
        Thread.sleep(200);
        assertThat(callers).allSatisfy(caller -> {
            assertThat(caller.variable("HRUNS")).as("h of %s", caller.name()).contains("x");
            assertThat(caller.variable("ANSWEREDTIME")).isPresent();
        });
    }

    @Test
    void withGTheDialplanGoesOnWhenTheCalleeHangsUp() {
        pbx = new PbxFixture(BRIDGED);
        Channel alice = pbx.call("alice", "300", "internal");
        Line bob = answer("bob");
        soon().until(() -> alice.bridgedPeer().isPresent());

        bob.link.farEndHangup(HangupCause.NORMAL_CLEARING);

        soon().until(() -> alice.variable("AFTER").isPresent());
        assertThat(alice.variable("AFTER").orElseThrow()).startsWith("ANSWER/Phone/bob-");
        soon().until(() -> "Wait".equals(alice.application()));
        assertThat(alice.isHungUp()).as("the caller stays up and goes on in the dialplan").isFalse();
        assertThat(alice.bridge()).isEmpty();
        assertThat(alice.variable("HRUNS")).isEmpty();

        pbx.lineOf(alice).link.farEndHangup(HangupCause.NORMAL_CLEARING);
        soon().until(() -> pbx.pool.callsInDialplan() == 0);
        assertThat(alice.variable("HRUNS")).contains("x");
    }

    @Test
    void withGACallerHangupStillEndsTheCallAndTheCallee() {
        pbx = new PbxFixture(BRIDGED);
        Channel alice = pbx.call("alice", "300", "internal");
        Line bob = answer("bob");
        soon().until(() -> alice.bridgedPeer().isPresent());

        pbx.lineOf(alice).link.farEndHangup(HangupCause.NORMAL_CLEARING);

        soon().until(() -> pbx.pool.callsInDialplan() == 0);
        assertThat(bob.released).isEqualTo(HangupCause.NORMAL_CLEARING);
        assertThat(alice.variable("AFTER")).isEmpty();
        assertThat(alice.variable("HRUNS")).contains("x");
    }

    @Test
    void aMasqueradeOfABridgedMemberWhileDialWaitsLeavesTheCallUp() throws ChannelUnavailableException {
        pbx = new PbxFixture(BRIDGED);
        Channel alice = bridgedCall("alice");
        Line bob = pbx.phones.line("balice");
        Channel bobChannel = alice.bridgedPeer().orElseThrow();

        // alice's leg is replaced (as a SIP INVITE/Replaces does): the channel object stays in the bridge
        Channel carol = pbx.channels.request("Phone/carol");
        pbx.channels.masquerade(alice, carol);
        // and so is bob's
        Channel dave = pbx.channels.request("Phone/dave");
        pbx.channels.masquerade(bobChannel, dave);

        assertThat(alice.isHungUp()).isFalse();
        assertThat(alice.bridgedPeer()).containsSame(bobChannel);
        assertThat(pbx.pool.suspendedCalls()).as("Dial still waits on the bridge").isEqualTo(1);
        assertThat(alice.variable("HRUNS")).isEmpty();
        assertThat(bob.released).as("bob's old leg was released by the masquerade").isNotNull();
        Line carolLine = pbx.phones.line("carol");
        Line daveLine = pbx.phones.line("dave");
        VoiceFrame hello = new VoiceFrame(Codec.ULAW, new byte[160], 160, 0);
        carolLine.link.queueFrame(hello);
        assertThat(daveLine.received).contains(hello);

        daveLine.link.farEndHangup(HangupCause.NORMAL_CLEARING);

        awaitHungUp(alice);
        soon().until(() -> pbx.pool.callsInDialplan() == 0);
        assertThat(carolLine.released).isEqualTo(HangupCause.NORMAL_CLEARING);
        assertThat(alice.variable("HRUNS")).contains("x");
        assertThat(alice.variable("DIALSTATUS")).contains("ANSWER");
    }

    @Test
    void aCallerMasqueradedAwayWhileDialWaitsEndsItsDialplanOnceAndItsLegLivesOn() throws Exception {
        pbx = new PbxFixture(BRIDGED);
        Channel alice = bridgedCall("alice");
        Line aliceLine = pbx.lineOf(alice);
        Line bob = pbx.phones.line("balice");

        // a blind transfer of alice: a placeholder takes her leg, her channel object is left a zombie
        Channel placeholder = pbx.channels.request("Phone/placeholder");
        pbx.channels.masquerade(placeholder, alice);

        soon().until(() -> pbx.pool.callsInDialplan() == 0);
        assertThat(alice.isZombie()).isTrue();
        assertThat(alice.variable("HRUNS")).as("the zombie runs h once, as in Asterisk").contains("x");
        assertThat(bob.released).as("the bridge ended with the zombie: its peer is hung up")
                .isEqualTo(HangupCause.NORMAL_CLEARING);
        assertThat(placeholder.isHungUp()).isFalse();
        assertThat(pbx.lineOf(placeholder)).isSameAs(aliceLine);
        assertThat(aliceLine.released).isNull();
    }

    @Test
    void ringingCallsHoldNoThreadEither() {
        pbx = new PbxFixture(BRIDGED, 1000, 4);
        List<Channel> callers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            callers.add(pbx.call("r" + i, "200", "internal"));
        }
        soon().until(() -> pbx.pool.suspendedCalls() == 50);
        soon().until(() -> pbx.pool.busyThreads() == 0);

        Line ringing = pbx.phones.line("br7");
        ringing.link.queueFrame(ControlFrame.of(Control.RINGING));
        soon().until(() -> pbx.lineOf(callers.get(7)).indications
                .contains(Control.RINGING));
        ringing.link.queueFrame(ControlFrame.of(Control.ANSWER));
        soon().until(() -> callers.get(7).bridgedPeer().isPresent());

        pbx.lineOf(callers.get(3)).link.farEndHangup(HangupCause.NORMAL_CLEARING);
        soon().until(() -> callers.get(3).variable("HRUNS").isPresent());
        assertThat(callers.get(3).variable("DIALSTATUS")).contains("CANCEL");
        assertThat(pbx.phones.line("br3").released).isEqualTo(HangupCause.NORMAL_CLEARING);
    }

    @Test
    void aDialTimeoutEndsTheRingingWithNoAnswer() {
        pbx = new PbxFixture("""
                [internal]
                exten => 200,1,Dial(Phone/bob,0.3)
                 same => n,Set(AFTER=${DIALSTATUS})
                 same => n,Hangup()
                """);
        Channel alice = pbx.call("alice", "200", "internal");

        awaitHungUp(alice);

        assertThat(alice.variable("AFTER")).contains("NOANSWER");
        assertThat(pbx.phones.line("bob").released).isEqualTo(HangupCause.NO_ANSWER);
    }

    @Test
    void maxCallsCountsWaitingCallsAndRefusesMoreWithCongestion() {
        pbx = new PbxFixture(BRIDGED, 2, 4);
        Channel first = bridgedCall("one");
        bridgedCall("two");

        Channel third = pbx.call("three", "200", "internal");

        awaitHungUp(third);
        assertThat(third.hangupCause()).contains(HangupCause.SWITCH_CONGESTION);
        pbx.lineOf(first).link.farEndHangup(HangupCause.NORMAL_CLEARING);
        soon().until(() -> pbx.pool.callsInDialplan() == 1);
        Channel fourth = bridgedCall("four");
        assertThat(fourth.isHungUp()).isFalse();
    }

    @Test
    void aStageThatFailsIsAnErrorAndOneThatJumpsIsFollowed() {
        pbx = new PbxFixture("""
                [internal]
                exten => 100,1,Later(fail)
                 same => n,Set(REACHED=wrong)
                exten => 101,1,Later(jump)
                 same => n,Set(REACHED=wrong)
                 same => n(target),Set(REACHED=label)
                 same => n,Hangup()
                exten => e,1,Set(CAUGHT=${EXCEPTION})
                 same => n,Hangup()
                exten => h,1,Set(HRUNS=${HRUNS}x)
                """);
        CompletableFuture<ApplicationResult> failing = new CompletableFuture<>();
        CompletableFuture<ApplicationResult> jumping = new CompletableFuture<>();
        pbx.registry.addApplication("Later", (DialplanApplication) (call, arguments) ->
                new ApplicationResult.Suspend(arguments.get(0).equals("fail") ? failing : jumping));

        Channel alice = pbx.call("alice", "100", "internal");
        Channel bob = pbx.call("bob", "101", "internal");
        soon().until(() -> pbx.pool.suspendedCalls() == 2);
        soon().until(() -> pbx.pool.busyThreads() == 0);
        failing.completeExceptionally(new IllegalStateException("the wait failed"));
        jumping.complete(ApplicationResult.jump(null, null, "target"));

        awaitHungUp(alice);
        awaitHungUp(bob);
        soon().until(() -> pbx.pool.callsInDialplan() == 0);
        assertThat(alice.variable("CAUGHT")).contains("ERROR");
        assertThat(alice.variable("REACHED")).isEmpty();
        assertThat(bob.variable("REACHED")).contains("label");
        assertThat(alice.variable("HRUNS")).contains("x");
        assertThat(bob.variable("HRUNS")).contains("x");
    }

    @Test
    void aCallThatHangsUpWhileSuspendedRunsItsHangupExtensionOnceTheStageCompletes() {
        pbx = new PbxFixture("""
                [internal]
                exten => 100,1,Later()
                 same => n,Set(REACHED=wrong)
                exten => h,1,Set(HRUNS=${HRUNS}x)
                """);
        CompletableFuture<ApplicationResult> stage = new CompletableFuture<>();
        pbx.registry.addApplication("Later", (DialplanApplication) (call, arguments) ->
                new ApplicationResult.Suspend(stage));
        Channel alice = pbx.call("alice", "100", "internal");
        soon().until(() -> pbx.pool.suspendedCalls() == 1);

        pbx.lineOf(alice).link.farEndHangup(HangupCause.NORMAL_CLEARING);
        assertThat(pbx.pool.callsInDialplan()).as("the call waits for its application").isEqualTo(1);
        stage.complete(ApplicationResult.CONTINUE);

        soon().until(() -> pbx.pool.callsInDialplan() == 0);
        assertThat(alice.variable("HRUNS")).contains("x");
        assertThat(alice.variable("REACHED")).isEmpty();
    }

    @Test
    void closingThePoolEndsSuspendedCalls() {
        pbx = new PbxFixture(BRIDGED);
        Channel alice = bridgedCall("alice");
        Line bob = pbx.phones.line("balice");

        pbx.pool.close();

        awaitHungUp(alice);
        soon().until(() -> bob.released != null);
        soon().until(() -> pbx.pool.callsInDialplan() == 0);
    }

    /** A call from {@code from} to 200 (Dial(Phone/b<from>)), answered and bridged. */
    private Channel bridgedCall(String from) {
        Channel caller = pbx.call(from, "200", "internal");
        answer("b" + from);
        soon().until(() -> caller.bridgedPeer().isPresent());
        return caller;
    }

    private Line answer(String callee) {
        soon().until(() -> pbx.phones.lines.stream()
                .anyMatch(line -> line.resource.equals(callee)));
        Line line = pbx.phones.line(callee);
        line.link.queueFrame(ControlFrame.of(Control.ANSWER));
        return line;
    }

    /** Awaitility polling at once and often: the 200-call test awaits hundreds of times. */
    private static ConditionFactory soon() {
        return await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(5));
    }

    private static int liveThreads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }
}
