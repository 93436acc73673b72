package org.strowger.misdn.card;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedCardTest {

    private static final Duration WAIT = Duration.ofSeconds(2);
    private static final byte[] SETUP = HexFormat.ofDelimiter(" ")
            .parseHex("08 01 01 05 A1 04 03 80 90 A3 18 01 83 6C 04 81 32 30 31 70 08 81 35 35 35 31 32 33 34");
    private static final byte[] CONNECT = HexFormat.ofDelimiter(" ").parseHex("08 01 81 07");

    private SimulatedCard card;

    @BeforeEach
    void open() throws Exception {
        card = Cards.simulated(1, false, Duration.ofMillis(16));
    }

    @AfterEach
    void close() {
        card.close();
    }

    @Test
    void enumeratesTwoBriPortsNamedSim1AndSim2() throws Exception {
        assertThat(card.simulated()).isTrue();
        assertThat(card.ports()).containsExactly(new PortInfo(0, "sim.1", true, true, 2, false),
                new PortInfo(1, "sim.2", true, true, 2, false));
        try (SimulatedCard pri = Cards.simulated(2, true, Duration.ofMillis(16))) {
            assertThat(pri.ports()).hasSize(4).allSatisfy(p -> {
                assertThat(p.bChannels()).isEqualTo(30);
                assertThat(p.primaryRate()).isTrue();
            });
            assertThat(pri.ports().get(3).name()).isEqualTo("sim.4");
        }
    }

    @Test
    void teAndNtEstablishAndQ931CrossesByteExact() throws Exception {
        Recorder te = new Recorder();
        Recorder nt = new Recorder();
        try (DChannel dte = card.openD(0, PortRole.TE, false, te); DChannel dnt = card.openD(1, PortRole.NT, false, nt)) {
            dte.establish();
            assertThat(te.await("layer1", WAIT)).isEqualTo("layer1 true");
            assertThat(nt.await("layer1", WAIT)).isEqualTo("layer1 true");
            assertThat(te.await("established", WAIT)).isEqualTo("established 0");
            assertThat(nt.await("established", WAIT)).isEqualTo("established 0");

            dte.send(0, SETUP);
            assertThat(nt.await("data", WAIT)).isEqualTo("data 0");
            assertThat(nt.messages.poll()).isEqualTo(SETUP);
            dnt.send(0, CONNECT);
            assertThat(te.await("data", WAIT)).isEqualTo("data 0");
            assertThat(te.messages.poll()).isEqualTo(CONNECT);

            dnt.release();
            assertThat(nt.await("released", WAIT)).isEqualTo("released 0");
            assertThat(te.await("released", WAIT)).isEqualTo("released 0");
        }
    }

    @Test
    void pointToMultipointGetsATeiAndTheNtBroadcastsSetup() throws Exception {
        Recorder te = new Recorder();
        Recorder nt = new Recorder();
        try (DChannel dte = card.openD(0, PortRole.TE, true, te); DChannel dnt = card.openD(1, PortRole.NT, true, nt)) {
            dnt.sendUnitData(SETUP); // activates layer 1 implicitly
            assertThat(te.await("unitdata", WAIT)).isEqualTo("unitdata 0");
            assertThat(te.messages.poll()).isEqualTo(SETUP);
            dte.establish();
            assertThat(nt.await("established", WAIT)).isEqualTo("established 1"); // the terminal's CES
            dnt.send(1, CONNECT);
            assertThat(te.await("data", WAIT)).isEqualTo("data 0");
            assertThat(te.messages.poll()).isEqualTo(CONNECT);
        }
    }

    @Test
    void dataBeforeEstablishIsLostAsWithTheKernel() throws Exception {
        Recorder te = new Recorder();
        Recorder nt = new Recorder();
        try (DChannel dte = card.openD(0, PortRole.TE, false, te); DChannel dnt = card.openD(1, PortRole.NT, false, nt)) {
            dte.send(0, SETUP);
            assertThat(nt.await("data", Duration.ofMillis(200))).isNull();
        }
    }

    @Test
    void teToTeNeverActivates() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        try (DChannel da = card.openD(0, PortRole.TE, false, a); DChannel db = card.openD(1, PortRole.TE, false, b)) {
            da.establish();
            assertThat(a.await("released", Duration.ofMillis(1500))).isEqualTo("released 0");
            assertThat(a.events).doesNotContain("layer1 true", "established 0");
            assertThat(b.events).isEmpty();
        }
    }

    @Test
    void busyPortsAndBadChannelsAreRefused() throws Exception {
        Recorder r = new Recorder();
        try (DChannel d = card.openD(0, PortRole.TE, false, r)) {
            assertThatThrownBy(() -> card.openD(0, PortRole.NT, false, r)).isInstanceOf(PortBusyException.class);
            assertThatThrownBy(() -> card.openD(7, PortRole.NT, false, r)).isInstanceOf(NoSuchPortException.class);
            assertThatThrownBy(() -> card.openB(0, 3, r)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> d.send(0, new byte[261])).isInstanceOf(IllegalArgumentException.class);
        }
        card.openD(0, PortRole.NT, false, r).close(); // the port is free again at once
    }

    @Test
    void audioCrossesBothWaysAtLinePaceUnchanged() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        try (BChannel ba = card.openB(0, 1, a); BChannel bb = card.openB(1, 1, b)) {
            ba.activate();
            bb.activate();
            assertThat(a.await("activated", WAIT)).isEqualTo("activated true");
            assertThat(b.await("activated", WAIT)).isEqualTo("activated true");

            byte[] pattern = new byte[256];
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = (byte) i;
            }
            assertThat(ba.send(pattern)).isTrue();
            Thread.sleep(300); // warm up, then measure
            int a0 = a.audioBytes();
            int b0 = b.audioBytes();
            long t0 = System.nanoTime();
            Thread.sleep(2000);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double rateA = (a.audioBytes() - a0) / seconds;
            double rateB = (b.audioBytes() - b0) / seconds;
            assertThat(rateA).isBetween(7600.0, 8400.0);
            assertThat(rateB).isBetween(7600.0, 8400.0);

            byte[] heard = b.audio();
            int at = indexOf(heard, pattern);
            assertThat(at).as("the pattern arrives unchanged and contiguous").isGreaterThanOrEqualTo(0);
            for (int i = 0; i < at; i++) {
                assertThat(heard[i]).as("idle fill before the pattern").isEqualTo((byte) 0xFF);
            }
            assertThat(a.sent.get()).isEqualTo(1);
        }
    }

    @Test
    void fullFifoReturnsFalseThenSentFrees() throws Exception {
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        try (BChannel ba = card.openB(0, 2, a); BChannel bb = card.openB(1, 2, b)) {
            ba.activate();
            assertThat(a.await("activated", WAIT)).isEqualTo("activated true");
            byte[] frame = new byte[160];
            assertThat(ba.send(frame)).isTrue();
            assertThat(ba.send(frame)).isTrue();
            assertThat(ba.send(frame)).as("two frames fill the FIFO").isFalse();
            long until = System.currentTimeMillis() + 2000;
            while (a.sent.get() == 0 && System.currentTimeMillis() < until) {
                Thread.sleep(5);
            }
            assertThat(a.sent.get()).isGreaterThanOrEqualTo(1);
            assertThat(ba.send(frame)).isTrue();

            card.overrunB(0, 2, 1);
            Thread.sleep(100);
            assertThat(ba.send(frame)).as("injected overrun").isFalse();
        }
    }

    @Test
    void droppedDFramesNeverArriveAndDelayedOnesArriveLate() throws Exception {
        Recorder te = new Recorder();
        Recorder nt = new Recorder();
        try (DChannel dte = card.openD(0, PortRole.TE, false, te); DChannel dnt = card.openD(1, PortRole.NT, false, nt)) {
            dte.establish();
            assertThat(nt.await("established", WAIT)).isNotNull();

            card.dropDFrames(0, 1);
            dte.send(0, SETUP);
            dte.send(0, CONNECT);
            assertThat(nt.await("data", WAIT)).isEqualTo("data 0");
            assertThat(nt.messages.poll()).as("the first was dropped").isEqualTo(CONNECT);

            card.delayDFrames(0, Duration.ofMillis(300));
            long t0 = System.nanoTime();
            dte.send(0, SETUP);
            assertThat(nt.await("data", Duration.ofMillis(200))).isNull();
            assertThat(nt.await("data", WAIT)).isEqualTo("data 0");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(280L, 1000L);
            assertThat(nt.messages.poll()).isEqualTo(SETUP);
        }
    }

    @Test
    void unplugReleasesBothEndsStopsAudioAndReplugWorks() throws Exception {
        Recorder te = new Recorder();
        Recorder nt = new Recorder();
        Recorder a = new Recorder();
        Recorder b = new Recorder();
        try (DChannel dte = card.openD(0, PortRole.TE, false, te); DChannel dnt = card.openD(1, PortRole.NT, false, nt);
                BChannel ba = card.openB(0, 1, a); BChannel bb = card.openB(1, 1, b)) {
            dte.establish();
            assertThat(te.await("established", WAIT)).isNotNull();
            assertThat(nt.await("established", WAIT)).isNotNull();
            ba.activate();
            bb.activate();
            assertThat(a.await("activated", WAIT)).isEqualTo("activated true");
            assertThat(b.await("activated", WAIT)).isEqualTo("activated true");

            card.unplug(1);
            for (Recorder r : new Recorder[] {te, nt}) {
                assertThat(r.await("released", WAIT)).isEqualTo("released 0");
                assertThat(r.await("layer1", WAIT)).isEqualTo("layer1 false");
            }
            assertThat(a.await("activated", WAIT)).isEqualTo("activated false");
            assertThat(b.await("activated", WAIT)).isEqualTo("activated false");
            Thread.sleep(50);
            int heard = b.audioBytes();
            Thread.sleep(200);
            assertThat(b.audioBytes()).as("B stops").isEqualTo(heard);
            dte.establish();
            assertThat(te.await("released", WAIT)).as("no line, no link").isEqualTo("released 0");

            card.replug(0);
            dte.establish();
            assertThat(te.await("established", WAIT)).isEqualTo("established 0");
            assertThat(nt.await("established", WAIT)).isEqualTo("established 0");
            ba.activate();
            bb.activate();
            assertThat(b.await("activated", WAIT)).isEqualTo("activated true");
            Thread.sleep(200);
            assertThat(b.audioBytes()).isGreaterThan(heard);
        }
    }

    @Test
    void closeLeaksNoFdNorThread() throws Exception {
        card.close();
        card.close(); // idempotent
        long fds = openFds();
        int threads = Thread.activeCount();
        for (int i = 0; i < 5; i++) {
            try (SimulatedCard c = Cards.simulated(2, i % 2 == 0, Duration.ofMillis(16))) {
                Recorder r = new Recorder();
                DChannel te = c.openD(0, PortRole.TE, false, r);
                c.openD(1, PortRole.NT, false, r);
                te.establish();
                c.openB(2, 1, r).activate();
                c.openB(3, 1, r); // left open: the card's close closes them
                assertThat(r.await("established", WAIT)).isNotNull();
            }
        }
        assertThat(openFds()).isEqualTo(fds);
        assertThat(Thread.activeCount()).isLessThanOrEqualTo(threads);
        assertThat(nativeThreads("strowger-sim")).isZero();
        assertThatThrownBy(() -> card.openD(0, PortRole.TE, false, new Recorder())).isInstanceOf(IllegalStateException.class);
    }

    private static long openFds() throws Exception {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    private static long nativeThreads(String name) throws Exception {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/task"))) {
            return s.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).trim().equals(name);
                } catch (Exception e) {
                    return false;
                }
            }).count();
        }
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
