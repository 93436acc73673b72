package org.strowger.misdn.card.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.misdn.card.BChannel;
import org.strowger.misdn.card.Card;
import org.strowger.misdn.card.DChannel;
import org.strowger.misdn.card.NoSuchPortException;
import org.strowger.misdn.card.PortBusyException;
import org.strowger.misdn.card.PortInfo;
import org.strowger.misdn.card.PortRole;

/**
 * A card reached through the bridge: the kernel's mISDN ({@code sim == 0}) or a simulated card.
 * One I/O thread polls every open channel plus an eventfd, reads without blocking and calls the
 * listeners; it alone closes channel fds (so an fd number is never reused under its poll), and
 * on the way out it closes everything that is left and destroys the simulator.
 */
class NativeCard implements Card {

    private static final Logger LOG = LoggerFactory.getLogger(NativeCard.class);
    private static final int MAX_FRAMES_PER_WAKE = 64;
    private static final long CLOSE_WAIT_MS = 5000;

    /** The simulator handle, 0 for the kernel. */
    final long sim;
    private final int wakeFd;
    private final Thread io;
    private final Map<Integer, Chan> channels = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int[] polled = new int[0];
    private volatile boolean running = true;

    NativeCard(long sim, String name) throws IOException {
        this.sim = sim;
        int efd = Native.eventFd();
        if (efd < 0) {
            if (sim != 0) {
                Native.simDestroy(sim);
            }
            throw Errors.exception(-efd, "eventfd for card " + name);
        }
        this.wakeFd = efd;
        this.io = new Thread(this::run, "misdn-card-io-" + name);
        io.setDaemon(true);
        io.start();
    }

    @Override
    public boolean simulated() {
        return sim != 0;
    }

    @Override
    public List<PortInfo> ports() {
        try {
            return enumerate();
        } catch (IOException e) {
            LOG.warn("Cannot enumerate the mISDN ports: {}", e.getMessage());
            return List.of();
        }
    }

    /** IMGETCOUNT then IMGETDEVINFO for ids 0..63 until that many answered (ids can be sparse). */
    private List<PortInfo> enumerate() throws IOException {
        ensureOpen();
        int fd = Errors.check(openSocket(MiAbi.SOCK_RAW, MiAbi.PROTO_BASE), "open the mISDN base socket");
        try {
            byte[] count = new byte[4];
            Errors.check(Native.ioctl(fd, MiAbi.IMGETCOUNT, count), "IMGETCOUNT");
            int n = le(count).getInt(0);
            List<PortInfo> ports = new ArrayList<>(n);
            for (int id = 0; id <= MiAbi.MAX_DEVICE_ID && ports.size() < n; id++) {
                byte[] info = new byte[56];
                le(info).putInt(0, id);
                int r = Native.ioctl(fd, MiAbi.IMGETDEVINFO, info);
                if (r == -MiAbi.ENODEV) {
                    continue;
                }
                Errors.check(r, "IMGETDEVINFO " + id);
                ports.add(portInfo(id, le(info)));
            }
            return List.copyOf(ports);
        } finally {
            Native.close(fd);
        }
    }

    private static PortInfo portInfo(int id, ByteBuffer info) {
        int d = info.getInt(4);
        int nrbchan = info.getInt(32);
        byte[] raw = new byte[20];
        info.get(36, raw);
        int end = 0;
        while (end < raw.length && raw[end] != 0) {
            end++;
        }
        String name = new String(raw, 0, end, StandardCharsets.US_ASCII);
        boolean te = (d & (1 << MiAbi.PROTO_TE_S0 | 1 << MiAbi.PROTO_TE_E1)) != 0;
        boolean nt = (d & (1 << MiAbi.PROTO_NT_S0 | 1 << MiAbi.PROTO_NT_E1)) != 0;
        boolean pri = (d & (1 << MiAbi.PROTO_TE_E1 | 1 << MiAbi.PROTO_NT_E1)) != 0;
        return new PortInfo(id, name, te, nt, nrbchan, pri);
    }

    PortInfo port(int id) throws IOException {
        for (PortInfo p : enumerate()) {
            if (p.id() == id) {
                return p;
            }
        }
        throw new NoSuchPortException("no mISDN port " + id + " (ports: " + ports() + ")");
    }

    @Override
    public DChannel openD(int port, PortRole role, boolean pointToMultipoint, DChannel.Listener listener)
            throws IOException {
        if (listener == null || role == null) {
            throw new NullPointerException("role and listener are required");
        }
        PortInfo info = port(port);
        if (role == PortRole.TE ? !info.teCapable() : !info.ntCapable()) {
            throw new PortBusyException("port " + port + " (" + info.name() + ") does not offer the " + role + " side");
        }
        String what = "open the D-channel of port " + port + " (" + info.name() + ") as " + role
                + (pointToMultipoint ? " PTMP" : " PTP");
        int proto = role == PortRole.TE ? MiAbi.PROTO_LAPD_TE : MiAbi.PROTO_LAPD_NT;
        int fd = bound(proto, port, 0, pointToMultipoint ? MiAbi.GROUP_TEI : 0, what);
        return register(new NativeDChannel(this, fd, port, role, listener));
    }

    @Override
    public BChannel openB(int port, int channel, BChannel.Listener listener) throws IOException {
        if (listener == null) {
            throw new NullPointerException("listener is required");
        }
        PortInfo info = port(port);
        int ts = timeslot(info, channel);
        String what = "open B-channel " + channel + " of port " + port + " (" + info.name() + ")";
        int fd = bound(MiAbi.PROTO_B_RAW, port, ts, 0, what);
        return register(new NativeBChannel(this, fd, port, channel, listener));
    }

    /** B-channel 1..n to the mISDN channel number: BRI 1..2; E1 timeslots 1..15, 17..31. */
    static int timeslot(PortInfo info, int channel) {
        if (channel < 1 || channel > info.bChannels()) {
            throw new IllegalArgumentException("port " + info.id() + " (" + info.name() + ") has B-channels 1.."
                    + info.bChannels() + ", not " + channel);
        }
        return info.primaryRate() && channel >= 16 ? channel + 1 : channel;
    }

    private int bound(int proto, int port, int channel, int tei, String what) throws IOException {
        ensureOpen();
        int fd = Errors.check(openSocket(MiAbi.SOCK_DGRAM, proto), what);
        int r = Native.bind(fd, port, channel, 0, tei);
        if (r < 0) {
            Native.close(fd);
            Errors.check(r, what);
        }
        return fd;
    }

    private int openSocket(int type, int proto) {
        return sim != 0 ? Native.simOpen(sim, type, proto) : Native.open(type, proto);
    }

    private <C extends Chan> C register(C chan) {
        channels.put(chan.fd, chan);
        if (closed.get()) {
            retire(chan);
            throw new IllegalStateException("the card is closed");
        }
        polled = channels.keySet().stream().mapToInt(Integer::intValue).toArray();
        Native.wake(wakeFd);
        return chan;
    }

    /** Closes a channel's fd in the I/O thread and waits for it, so the port can be reopened at once. */
    void retire(Chan chan) {
        if (Thread.currentThread() == io || !io.isAlive()) {
            closeFd(chan);
            return;
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        pending.add(() -> {
            closeFd(chan);
            done.complete(null);
        });
        Native.wake(wakeFd);
        long deadline = System.currentTimeMillis() + CLOSE_WAIT_MS;
        while (!done.isDone() && System.currentTimeMillis() < deadline) {
            if (!io.isAlive()) {
                closeFd(chan); // the loop ended meanwhile; its teardown or we close it, once
                return;
            }
            try {
                done.get(50, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // look again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException e) {
                return;
            }
        }
    }

    private void closeFd(Chan chan) {
        if (channels.remove(chan.fd, chan)) {
            polled = channels.keySet().stream().mapToInt(Integer::intValue).toArray();
            Native.close(chan.fd);
        }
    }

    void ensureOpen() {
        if (closed.get()) {
            throw new IllegalStateException("the card is closed");
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        running = false;
        Native.wake(wakeFd);
        if (Thread.currentThread() != io) {
            try {
                io.join(CLOSE_WAIT_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (io.isAlive()) {
                LOG.warn("The I/O thread {} did not stop within {} ms", io.getName(), CLOSE_WAIT_MS);
            }
        }
    }

    private void run() {
        byte[] frame = new byte[MiAbi.FRAME_MAX];
        short[] revents = new short[1];
        try {
            while (running) {
                Runnable task;
                while ((task = pending.poll()) != null) {
                    task.run();
                }
                int[] fds = polled;
                if (revents.length < fds.length + 1) {
                    revents = new short[fds.length + 1];
                }
                int r = Native.poll(fds, fds.length, wakeFd, 1000, revents);
                if (r < 0) {
                    LOG.error("poll failed: {}; the card stops", Native.strerror(-r));
                    break;
                }
                for (int i = 0; i < fds.length && running; i++) {
                    if (revents[i] != 0) {
                        Chan chan = channels.get(fds[i]);
                        if (chan != null) {
                            drain(chan, frame);
                        }
                    }
                }
            }
        } catch (RuntimeException | Error e) {
            LOG.error("The I/O thread of the mISDN card failed", e);
        } finally {
            teardown();
        }
    }

    private void drain(Chan chan, byte[] frame) {
        for (int k = 0; k < MAX_FRAMES_PER_WAKE && !chan.isClosed(); k++) {
            int n = Native.recv(chan.fd, frame);
            if (n == -MiAbi.EAGAIN || n == -MiAbi.EINTR) {
                return;
            }
            if (n <= 0) {
                IOException why = n == 0 ? new IOException("the device of " + chan + " is gone")
                        : Errors.exception(-n, "read " + chan);
                closeFd(chan);
                chan.gone(why);
                return;
            }
            if (n < MiAbi.FRAME_PAYLOAD) {
                continue;
            }
            ByteBuffer b = le(frame);
            int addrChannel = frame[3] & 0xff;
            int prim = b.getInt(MiAbi.FRAME_HEAD);
            int id = b.getInt(MiAbi.FRAME_HEAD + 4);
            byte[] payload = new byte[n - MiAbi.FRAME_PAYLOAD];
            System.arraycopy(frame, MiAbi.FRAME_PAYLOAD, payload, 0, payload.length);
            try {
                chan.dispatch(prim, id, addrChannel, payload);
            } catch (RuntimeException e) {
                LOG.warn("The listener of {} threw on primitive 0x{}", chan, Integer.toHexString(prim), e);
            }
        }
    }

    private void teardown() {
        running = false;
        closed.set(true);
        Runnable task;
        while ((task = pending.poll()) != null) {
            task.run();
        }
        for (Chan chan : List.copyOf(channels.values())) {
            chan.markClosed();
            closeFd(chan);
        }
        Native.close(wakeFd);
        if (sim != 0) {
            Native.simDestroy(sim);
        }
    }

    /** Sends mISDNhead{prim, id} + payload; with the address {port, channel} when channel >= 0. */
    static int send(int fd, int prim, int id, byte[] payload, int port, int channel) {
        int len = MiAbi.HEADER_LEN + (payload == null ? 0 : payload.length);
        byte[] frame = new byte[len];
        ByteBuffer b = le(frame);
        b.putInt(0, prim);
        b.putInt(4, id);
        if (payload != null) {
            System.arraycopy(payload, 0, frame, MiAbi.HEADER_LEN, payload.length);
        }
        return Native.send(fd, frame, len, port, channel);
    }

    static ByteBuffer le(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
    }

    /** One open channel: its fd and what its frames mean. */
    abstract static class Chan {

        final NativeCard card;
        final int fd;
        private final AtomicBoolean closed = new AtomicBoolean();

        Chan(NativeCard card, int fd) {
            this.card = card;
            this.fd = fd;
        }

        abstract void dispatch(int prim, int id, int addrChannel, byte[] payload);

        /** The device went away under the channel (read end of file or an error). */
        abstract void gone(IOException why);

        boolean isClosed() {
            return closed.get();
        }

        boolean markClosed() {
            return closed.compareAndSet(false, true);
        }

        void checkOpen() throws IOException {
            if (closed.get()) {
                throw new IOException(this + " is closed");
            }
        }

        public void close() {
            if (markClosed()) {
                card.retire(this);
            }
        }
    }
}
