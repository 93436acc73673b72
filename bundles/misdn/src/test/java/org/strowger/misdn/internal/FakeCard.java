package org.strowger.misdn.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.strowger.misdn.card.BChannel;
import org.strowger.misdn.card.DChannel;
import org.strowger.misdn.card.NoSuchPortException;
import org.strowger.misdn.card.PortBusyException;
import org.strowger.misdn.card.PortInfo;
import org.strowger.misdn.card.PortRole;
import org.strowger.misdn.card.SimulatedCard;

/**
 * The simulated card in Java, for tests without the native library: ports 2k and 2k+1 (0-based)
 * wired back to back in memory. D-channel frames are delivered on one "I/O" thread, as the real
 * card does; B-channel audio reaches the other end at once, in the sender's thread, and every
 * byte that crossed is kept so tests can look at the wire.
 */
final class FakeCard implements SimulatedCard {

    private final int pairs;
    private final boolean primaryRate;
    private final ScheduledExecutorService io = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fake-card-io");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<Integer, FakeD> dChannels = new ConcurrentHashMap<>();
    private final Map<String, FakeB> bChannels = new ConcurrentHashMap<>();
    private final Map<Integer, Boolean> unplugged = new ConcurrentHashMap<>();
    private final Map<Integer, AtomicInteger> dropD = new ConcurrentHashMap<>();
    private final Map<Integer, Duration> delayD = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> overruns = new ConcurrentHashMap<>();
    /** Bytes each port sent on its B-channels, as on the wire. */
    final Map<Integer, List<byte[]>> wire = new ConcurrentHashMap<>();
    /** "open PORT" and "close PORT" for each B-channel, with the logging context's channel then. */
    final List<String> bChannelLog = new CopyOnWriteArrayList<>();

    FakeCard(int pairs, boolean primaryRate) {
        this.pairs = pairs;
        this.primaryRate = primaryRate;
    }

    private static int peer(int port) {
        return port ^ 1;
    }

    private static String key(int port, int channel) {
        return port + "/" + channel;
    }

    private boolean plugged(int port) {
        return !unplugged.getOrDefault(port & ~1, false);
    }

    @Override
    public boolean simulated() {
        return true;
    }

    @Override
    public List<PortInfo> ports() {
        List<PortInfo> list = new ArrayList<>();
        for (int id = 0; id < 2 * pairs; id++) {
            list.add(new PortInfo(id, "fake." + (id + 1), true, true, primaryRate ? 30 : 2, primaryRate));
        }
        return list;
    }

    @Override
    public DChannel openD(int port, PortRole role, boolean pointToMultipoint, DChannel.Listener listener)
            throws IOException {
        if (port < 0 || port >= 2 * pairs) {
            throw new NoSuchPortException("no port " + port);
        }
        FakeD d = new FakeD(port, role, listener);
        if (dChannels.putIfAbsent(port, d) != null) {
            throw new PortBusyException("port " + port + " is open");
        }
        return d;
    }

    @Override
    public BChannel openB(int port, int channel, BChannel.Listener listener) throws IOException {
        bChannelLog.add("open " + (port + 1) + " " + org.strowger.channel.log.CallLogContext.current());
        FakeB b = new FakeB(port, channel, listener);
        if (bChannels.putIfAbsent(key(port, channel), b) != null) {
            throw new PortBusyException("B-channel " + channel + " of port " + port + " is open");
        }
        return b;
    }

    @Override
    public void close() {
        io.shutdownNow();
    }

    @Override
    public void unplug(int port) {
        unplugged.put(port & ~1, true);
        io.execute(() -> {
            for (int end : new int[] {port & ~1, (port & ~1) + 1}) {
                FakeD d = dChannels.get(end);
                if (d != null) {
                    d.up = false;
                    d.listener.layer1(false);
                    d.listener.released(0);
                }
            }
        });
    }

    @Override
    public void replug(int port) {
        unplugged.remove(port & ~1);
    }

    @Override
    public void dropDFrames(int port, int count) {
        dropD.computeIfAbsent(port, p -> new AtomicInteger()).addAndGet(count);
    }

    @Override
    public void delayDFrames(int port, Duration delay) {
        delayD.put(port, delay);
    }

    @Override
    public void overrunB(int port, int channel, int count) {
        overruns.computeIfAbsent(key(port, channel), k -> new AtomicInteger()).addAndGet(count);
    }

    /** Open B-channels now. */
    int openBChannels() {
        return bChannels.size();
    }

    private final class FakeD implements DChannel {
        final int port;
        final PortRole role;
        final DChannel.Listener listener;
        volatile boolean up;

        FakeD(int port, PortRole role, DChannel.Listener listener) {
            this.port = port;
            this.role = role;
            this.listener = listener;
        }

        @Override
        public void establish() {
            io.execute(() -> {
                FakeD other = dChannels.get(peer(port));
                if (up || other == null || other.role == role || !plugged(port)) {
                    return;
                }
                for (FakeD end : new FakeD[] {this, other}) {
                    end.up = true;
                    end.listener.layer1(true);
                    end.listener.established(0);
                }
            });
        }

        @Override
        public void release() {
            io.execute(() -> {
                FakeD other = dChannels.get(peer(port));
                for (FakeD end : new FakeD[] {this, other}) {
                    if (end != null && end.up) {
                        end.up = false;
                        end.listener.released(0);
                    }
                }
            });
        }

        @Override
        public void send(int ces, byte[] message) {
            deliver(message.clone(), false);
        }

        @Override
        public void sendUnitData(byte[] message) {
            deliver(message.clone(), true);
        }

        private void deliver(byte[] message, boolean broadcast) {
            AtomicInteger drops = dropD.get(port);
            if (drops != null && drops.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                return;
            }
            Runnable delivery = () -> {
                FakeD other = dChannels.get(peer(port));
                if (up && other != null && other.up && plugged(port)) {
                    other.listener.received(0, message, broadcast);
                }
            };
            Duration delay = delayD.getOrDefault(port, Duration.ZERO);
            if (delay.isZero()) {
                io.execute(delivery);
            } else {
                io.schedule(delivery, delay.toMillis(), TimeUnit.MILLISECONDS);
            }
        }

        @Override
        public void close() {
            dChannels.remove(port, this);
        }
    }

    private final class FakeB implements BChannel {
        final int port;
        final int channel;
        final BChannel.Listener listener;
        volatile boolean active;

        FakeB(int port, int channel, BChannel.Listener listener) {
            this.port = port;
            this.channel = channel;
            this.listener = listener;
        }

        @Override
        public void activate() {
            active = true;
            io.execute(() -> listener.activated(true));
        }

        @Override
        public void deactivate() {
            active = false;
        }

        @Override
        public boolean send(byte[] audio) {
            AtomicInteger overrun = overruns.get(key(port, channel));
            if (overrun != null && overrun.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                io.schedule(listener::sent, 5, TimeUnit.MILLISECONDS);
                return false;
            }
            if (!active || !plugged(port)) {
                return true; // the line takes it and it goes nowhere
            }
            wire.computeIfAbsent(port, p -> new CopyOnWriteArrayList<>()).add(audio.clone());
            FakeB other = bChannels.get(key(peer(port), channel));
            if (other != null && other.active) {
                other.listener.received(audio.clone());
            }
            return true;
        }

        @Override
        public void close() {
            bChannelLog.add("close " + (port + 1) + " " + org.strowger.channel.log.CallLogContext.current());
            active = false;
            bChannels.remove(key(port, channel), this);
        }
    }
}
