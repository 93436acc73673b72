package org.strowger.misdn.internal.l3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.misdn.card.PortRole;
import org.strowger.misdn.internal.q931.Q931Codec;

class Q931LayerTest {

    static final Q931Timers NORMAL = new Q931Timers(Duration.ofSeconds(2), Duration.ofSeconds(2),
            Duration.ofSeconds(2), Duration.ofMillis(300), Duration.ofSeconds(2), Duration.ofSeconds(2));
    static final Q931Timers FAST = Q931Timers.all(Duration.ofMillis(150));

    ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    FakeDChannelPair line = new FakeDChannelPair();
    Side teSide = new Side();
    Side ntSide = new Side();
    Q931Layer te;
    Q931Layer nt;

    void start(Q931Timers teTimers, Q931Timers ntTimers) {
        te = new Q931Layer(PortRole.TE, false, false, timers, teSide, teSide.trace::add, teTimers);
        nt = new Q931Layer(PortRole.NT, false, false, timers, ntSide, ntSide.trace::add, ntTimers);
        line.te.listener = te;
        line.nt.listener = nt;
        te.attach(line.te);
        nt.attach(line.nt);
    }

    @AfterEach
    void stop() {
        if (te != null) {
            te.close();
            nt.close();
        }
        line.close();
        timers.shutdownNow();
    }

    // ------------------------------------------------------------ threads

    /**
     * A call the driver makes (setup, disconnect... often inside a channel-core callback, where it
     * must not call the core back) never runs a listener in the caller's thread: the reports it
     * queues run on the layer's own thread.
     */
    @Test
    void reportsCausedByADriverCallRunOnTheLayersThreadNotTheCallers() throws Exception {
        start(NORMAL, NORMAL);
        te.close();
        Thread caller = Thread.currentThread();
        java.util.concurrent.CompletableFuture<Thread> releasedOn = new java.util.concurrent.CompletableFuture<>();

        te.setup(new CallRequest("5551234", "201", "", 0, true), cause -> releasedOn.complete(Thread.currentThread()));

        assertThat(releasedOn.get(5, java.util.concurrent.TimeUnit.SECONDS)).isNotSameAs(caller);
    }

    // ------------------------------------------------------------ basic calls

    @Test
    void enBlocCallFromTheTerminalIsAnsweredAndClearedByTheTerminal() throws Exception {
        start(NORMAL, NORMAL);
        Rec out = new Rec();
        Call call = te.setup(new CallRequest("5551234", "201", "", 0, true), out);
        Call in = ntSide.next();
        IncomingSetup s = ntSide.setups.get(in);
        assertThat(s).isEqualTo(new IncomingSetup("5551234", "201", "", 1, true, true));
        in.proceeding();
        in.alerting();
        in.connect();
        await().until(() -> out.events.contains("connected"));
        assertThat(out.events).containsExactly("proceeding", "alerting", "connected");
        assertThat(call.bChannel()).isEqualTo(1);
        assertThat(call.stateName()).isEqualTo("ACTIVE");
        await().until(() -> ntSide.rec(in).events.contains("connected"));
        assertThat(te.state()).isEqualTo(new LinkState(true, true, 1));

        call.disconnect(16);
        await().until(() -> out.events.contains("released 16") && ntSide.rec(in).events.contains("released 16"));
        assertThat(call.stateName()).isEqualTo("NULL");
        assertThat(nt.state().calls()).isZero();
        assertThat(te.state().calls()).isZero();
        assertThat(teSide.trace).anyMatch(l -> l.contains("> CONNECT ACKNOWLEDGE cr=1/0"));
    }

    @Test
    void enBlocCallFromTheNetworkIsAnsweredAndClearedByTheNetwork() throws Exception {
        start(NORMAL, NORMAL);
        Rec out = new Rec();
        Call call = nt.setup(new CallRequest("201", "5551234", "Alice", 0, true), out);
        Call in = teSide.next();
        assertThat(teSide.setups.get(in)).isEqualTo(new IncomingSetup("201", "5551234", "Alice", 1, true, true));
        in.proceeding();
        in.alerting();
        in.connect();
        await().until(() -> teSide.rec(in).events.contains("connected"));
        await().until(() -> out.events.contains("connected"));
        assertThat(out.events).containsExactly("proceeding", "alerting", "connected");
        assertThat(in.stateName()).isEqualTo("ACTIVE");

        call.disconnect(16);
        await().until(() -> out.events.contains("released 16") && teSide.rec(in).events.contains("released 16"));
    }

    @Test
    void overlapDiallingSendsDigitsByInformation() throws Exception {
        start(NORMAL, NORMAL);
        Rec out = new Rec();
        Call call = te.setup(new CallRequest("", "201", "", 0, false), out);
        Call in = ntSide.next();
        assertThat(ntSide.setups.get(in).calledNumber()).isEmpty();
        assertThat(ntSide.setups.get(in).sendingComplete()).isFalse();
        in.setupAcknowledge();
        await().until(() -> out.events.contains("setupAcknowledged"));
        assertThat(out.events).containsExactly("setupAcknowledged", "progress"); // in-band dial tone
        call.information("55");
        call.information("51");
        await().until(() -> ntSide.rec(in).events.size() == 2);
        assertThat(ntSide.rec(in).events).containsExactly("information 55", "information 51");
        in.proceeding();
        await().until(() -> out.events.contains("proceeding"));
        assertThat(call.stateName()).isEqualTo("OUTGOING_CALL_PROCEEDING");
    }

    @Test
    void busyIsDisconnectWithCause17() throws Exception {
        start(NORMAL, NORMAL);
        Rec out = new Rec();
        te.setup(new CallRequest("5551234", "", "", 0, true), out);
        Call in = ntSide.next();
        in.proceeding();
        in.disconnect(17);
        await().until(() -> out.events.contains("released 17") && ntSide.rec(in).events.contains("released 17"));
    }

    @Test
    void terminalRejectsAnIncomingCallBeforeAnswering() throws Exception {
        start(NORMAL, NORMAL);
        Rec out = new Rec();
        nt.setup(new CallRequest("201", "", "", 0, true), out);
        Call in = teSide.next();
        in.disconnect(21);
        await().until(() -> out.events.contains("released 21"));
        assertThat(teSide.trace).anyMatch(l -> l.contains("> RELEASE COMPLETE cr=1/1 cause(21"));
    }

    @Test
    void networkRefusesATakenExclusiveChannelWith44AndNoFreeChannelWith34() throws Exception {
        start(NORMAL, NORMAL);
        te.setup(new CallRequest("1", "", "", 1, true), new Rec());
        ntSide.next().proceeding();
        Rec second = new Rec();
        te.setup(new CallRequest("2", "", "", 1, true), second);
        await().until(() -> second.events.contains("released 44"));
        te.setup(new CallRequest("3", "", "", 0, true), new Rec());
        Call third = ntSide.next();
        assertThat(third.bChannel()).isEqualTo(2);
        Rec fourth = new Rec();
        te.setup(new CallRequest("4", "", "", 0, true), fourth);
        await().until(() -> fourth.events.contains("released 34"));
        Rec fromNt = new Rec();
        nt.setup(new CallRequest("5", "", "", 0, true), fromNt);
        await().until(() -> fromNt.events.contains("released 34"));
    }

    // ------------------------------------------------------------ timers

    @Test
    void t303ResendsSetupOnceThenClearsWith102() {
        start(FAST, FAST);
        line.te.drop = b -> type(b) == 0x05;
        Rec out = new Rec();
        te.setup(new CallRequest("5551234", "", "", 0, true), out);
        await().atMost(Duration.ofSeconds(3)).until(() -> out.events.contains("released 102"));
        assertThat(line.te.sent.stream().filter(b -> type(b) == 0x05)).hasSize(2);
    }

    @Test
    void t303OnTheNetworkSideClearsWith18() {
        start(FAST, FAST);
        line.nt.drop = b -> type(b) == 0x05;
        Rec out = new Rec();
        nt.setup(new CallRequest("201", "", "", 0, true), out);
        await().atMost(Duration.ofSeconds(3)).until(() -> out.events.contains("released 18"));
        assertThat(nt.state().calls()).isZero();
    }

    @Test
    void t308ResendsReleaseOnceThenFreesTheCall() throws Exception {
        Q931Timers longT305 = new Q931Timers(FAST.t303(), Duration.ofSeconds(10), FAST.t308(), FAST.t309(),
                Duration.ofSeconds(10), FAST.t313());
        start(longT305, longT305);
        line.nt.drop = b -> type(b) == 0x4D;
        Rec out = new Rec();
        Call call = te.setup(new CallRequest("5551234", "", "", 0, true), out);
        Call in = ntSide.next();
        in.connect();
        await().until(() -> out.events.contains("connected"));
        call.disconnect(16);
        await().atMost(Duration.ofSeconds(3)).until(() -> ntSide.rec(in).events.contains("released 16"));
        assertThat(line.nt.sent.stream().filter(b -> type(b) == 0x4D)).hasSize(2);
        assertThat(ntSide.trace).anyMatch(l -> l.contains("T308 expired twice"));
    }

    @Test
    void t305SendsReleaseWhenDisconnectGetsNoAnswer() throws Exception {
        start(FAST, NORMAL);
        line.te.drop = b -> type(b) == 0x45;
        Rec out = new Rec();
        Call call = te.setup(new CallRequest("5551234", "", "", 0, true), out);
        Call in = ntSide.next();
        in.connect();
        await().until(() -> out.events.contains("connected"));
        call.disconnect(16);
        await().atMost(Duration.ofSeconds(3))
                .until(() -> out.events.contains("released 16") && ntSide.rec(in).events.contains("released 16"));
        assertThat(teSide.trace).anyMatch(l -> l.contains("T305 expired"));
    }

    @Test
    void t310ClearsWith102WhenNothingFollowsCallProceeding() throws Exception {
        start(FAST, NORMAL);
        Rec out = new Rec();
        te.setup(new CallRequest("5551234", "", "", 0, true), out);
        Call in = ntSide.next();
        in.proceeding();
        await().atMost(Duration.ofSeconds(3))
                .until(() -> out.events.contains("released 102") && ntSide.rec(in).events.contains("released 102"));
        assertThat(teSide.trace).anyMatch(l -> l.contains("T310 expired"));
    }

    @Test
    void t313ClearsWith102WhenConnectIsNotAcknowledged() throws Exception {
        start(FAST, NORMAL);
        line.nt.drop = b -> type(b) == 0x0F;
        Rec out = new Rec();
        nt.setup(new CallRequest("201", "", "", 0, true), out);
        Call in = teSide.next();
        in.connect();
        await().atMost(Duration.ofSeconds(3))
                .until(() -> teSide.rec(in).events.contains("released 102") && out.events.contains("released 102"));
        assertThat(teSide.trace).anyMatch(l -> l.contains("T313 expired"));
    }

    // ------------------------------------------------------------ errors

    @Test
    void malformedMessagesAreAnsweredWithTheRightCauseWhileAnotherCallGoesOn() throws Exception {
        start(NORMAL, NORMAL);
        Rec out = new Rec();
        Call call = te.setup(new CallRequest("5551234", "", "", 0, true), out);
        Call in = ntSide.next();
        in.connect();
        await().until(() -> out.events.contains("connected") && ntSide.rec(in).events.contains("connected"));
        Rec out2 = new Rec();
        te.setup(new CallRequest("777", "", "", 0, true), out2); // call reference 2
        Call in2 = ntSide.next();
        in2.alerting();
        await().until(() -> out2.events.contains("alerting"));

        expectAnswer("08 01 05 01", "08 01 85 5A 08 02 81 D1"); // ALERTING, unknown CR -> RELEASE COMPLETE 81
        expectAnswer("08 01 07 05 70 02 81 31", "08 01 87 5A 08 02 81 E0"); // SETUP without BC -> RC 96
        expectAnswer("08 01 08 05 04 01 80", "08 01 88 5A 08 02 81 E4"); // SETUP with bad BC -> RC 100
        expectAnswer("08 01 01 62 1C 01 00", "08 01 81 7D 08 02 81 E1 14 01 0A"); // FACILITY -> STATUS 97
        expectAnswer("08 01 01 02", "08 01 81 7D 08 02 81 E5 14 01 0A"); // CALL PROCEEDING in N10 -> STATUS 101
        expectAnswer("08 01 01 75", "08 01 81 7D 08 02 81 9E 14 01 0A"); // STATUS ENQUIRY -> STATUS 30
        expectAnswer("08 01 01 7B 18 01 09", "08 01 81 7D 08 02 81 E4 14 01 0A"); // bad CHI in INFORMATION -> STATUS 100
        expectNoAnswer("08 01");
        expectNoAnswer("09 01 01 05 04 02 88 90");
        expectNoAnswer("08 01 09 5A"); // RELEASE COMPLETE for an unknown call: nothing
        expectAnswer("08 01 02 45", "08 01 82 4D 08 02 81 E0"); // DISCONNECT without cause -> RELEASE 96
        await().until(() -> out2.events.contains("released 96") && ntSide.rec(in2).events.contains("released 96"));

        assertThat(call.stateName()).isEqualTo("ACTIVE");
        assertThat(in.stateName()).isEqualTo("ACTIVE");
        assertThat(out.events).containsExactly("connected");
        in.disconnect(16);
        await().until(() -> out.events.contains("released 16"));
    }

    @Test
    void linkLossClearsEveryCallWith38() throws Exception {
        start(NORMAL, NORMAL);
        Rec active = new Rec();
        te.setup(new CallRequest("1", "", "", 0, true), active);
        Call in = ntSide.next();
        in.connect();
        await().until(() -> active.events.contains("connected"));
        Rec ringing = new Rec();
        te.setup(new CallRequest("2", "", "", 0, true), ringing);
        Call in2 = ntSide.next();
        in2.alerting();
        await().until(() -> ringing.events.contains("alerting"));

        line.pull();
        await().atMost(Duration.ofSeconds(3)).until(() -> active.events.contains("released 38")
                && ringing.events.contains("released 38") && ntSide.rec(in).events.contains("released 38")
                && ntSide.rec(in2).events.contains("released 38"));
        assertThat(te.state()).isEqualTo(new LinkState(false, false, 0));
        await().until(() -> teSide.links.get(teSide.links.size() - 1).equals(new LinkState(false, false, 0)));
    }

    @Test
    void setupWaitsForTheDataLink() throws Exception {
        start(NORMAL, NORMAL);
        assertThat(te.state().layer2Established()).isFalse();
        te.setup(new CallRequest("5551234", "", "", 0, true), new Rec());
        ntSide.next();
        assertThat(te.state().layer2Established()).isTrue();
        assertThat(teSide.trace).anyMatch(l -> l.contains("establishing data link"));
    }

    // ------------------------------------------------------------ helpers

    private void expectAnswer(String in, String answer) {
        int before = line.nt.sent.size();
        line.inject(line.nt, hex(in));
        await().atMost(Duration.ofSeconds(2)).until(() -> line.nt.sent.size() > before);
        assertThat(Q931Codec.hex(line.nt.sent.get(before))).as("answer to " + in).isEqualTo(answer);
    }

    private void expectNoAnswer(String in) throws Exception {
        int before = line.nt.sent.size();
        line.inject(line.nt, hex(in));
        line.nt.io.submit(() -> { }).get(1, TimeUnit.SECONDS);
        assertThat(line.nt.sent).as("answer to " + in).hasSize(before);
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    private static int type(byte[] b) {
        return b.length > 3 ? b[3] & 0xFF : -1;
    }

    static final class Rec implements CallListener {
        final List<String> events = new CopyOnWriteArrayList<>();

        @Override
        public void setupAcknowledged() {
            events.add("setupAcknowledged");
        }

        @Override
        public void proceeding() {
            events.add("proceeding");
        }

        @Override
        public void alerting() {
            events.add("alerting");
        }

        @Override
        public void progress() {
            events.add("progress");
        }

        @Override
        public void connected() {
            events.add("connected");
        }

        @Override
        public void information(String digits) {
            events.add("information " + digits);
        }

        @Override
        public void released(int cause) {
            events.add("released " + cause);
        }
    }

    static final class Side implements Layer3.Listener {
        final BlockingQueue<Call> calls = new LinkedBlockingQueue<>();
        final Map<Call, IncomingSetup> setups = new ConcurrentHashMap<>();
        final Map<Call, Rec> recs = new ConcurrentHashMap<>();
        final List<String> trace = new CopyOnWriteArrayList<>();
        final List<LinkState> links = new CopyOnWriteArrayList<>();

        @Override
        public void incoming(Call call, IncomingSetup setup) {
            Rec r = new Rec();
            recs.put(call, r);
            setups.put(call, setup);
            call.listen(r);
            calls.add(call);
        }

        @Override
        public void linkChanged(LinkState state) {
            links.add(state);
        }

        Call next() throws InterruptedException {
            Call c = calls.poll(2, TimeUnit.SECONDS);
            assertThat(c).as("incoming call").isNotNull();
            return c;
        }

        Rec rec(Call c) {
            return recs.get(c);
        }
    }
}
