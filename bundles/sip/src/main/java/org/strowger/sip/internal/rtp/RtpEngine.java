package org.strowger.sip.internal.rtp;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens RTP sessions on ports from a range and serves them all with a fixed number of IO threads
 * (no thread per call): each thread runs one selector, and sessions are spread over the threads
 * round robin.
 */
public final class RtpEngine {

    private static final Logger LOG = LoggerFactory.getLogger(RtpEngine.class);

    private enum State { NEW, RUNNING, STOPPED }

    private final InetAddress bindAddress;
    private final int ioThreads;
    private final LongSupplier nanoClock;
    private final RtpPortAllocator ports;
    private final RtpCounters.Totals totals = new RtpCounters.Totals();
    private final Set<RtpSession> sessions = ConcurrentHashMap.newKeySet();
    /** SSRCs, first sequence numbers and timestamps must be unpredictable (RFC 3550 section 5.1). */
    private final Random random = new SecureRandom();
    private final List<RtpIoLoop> loops = new ArrayList<>();
    private final String portRange;

    // guarded by this
    private State state = State.NEW;
    private int nextLoop;

    /**
     * @param bindAddress the local address every session binds to
     * @param portMin lowest port of the range (inclusive)
     * @param portMax highest port of the range (inclusive); RTP takes the even ports whose RTCP
     *                port (odd, one above) is in the range too
     * @param ioThreads how many IO threads (and selectors) to run, at least 1
     */
    public RtpEngine(InetAddress bindAddress, int portMin, int portMax, int ioThreads) {
        this(bindAddress, portMin, portMax, ioThreads, System::nanoTime);
    }

    /** For tests: a clock that decides what counts as a pause in sending. */
    RtpEngine(InetAddress bindAddress, int portMin, int portMax, int ioThreads, LongSupplier nanoClock) {
        this.bindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        if (ioThreads < 1) {
            throw new IllegalArgumentException("an RTP engine needs at least one IO thread, not " + ioThreads);
        }
        this.ioThreads = ioThreads;
        this.nanoClock = Objects.requireNonNull(nanoClock, "nanoClock");
        this.ports = new RtpPortAllocator(portMin, portMax);
        this.portRange = portMin + "-" + portMax;
    }

    /** Starts the IO threads. */
    public synchronized void start() throws IOException {
        if (state != State.NEW) {
            throw new IllegalStateException("an RTP engine starts only once; this one is " + state);
        }
        try {
            for (int i = 0; i < ioThreads; i++) {
                loops.add(new RtpIoLoop("rtp-io-" + (i + 1)));
            }
        } catch (IOException e) {
            loops.forEach(RtpIoLoop::shutdown);
            loops.clear();
            throw e;
        }
        loops.forEach(RtpIoLoop::start);
        state = State.RUNNING;
        LOG.info("RTP engine on {} ports {} with {} IO thread(s)", bindAddress.getHostAddress(), portRange,
                ioThreads);
    }

    /** Closes every session and stops the IO threads. */
    public synchronized void stop() {
        if (state != State.RUNNING) {
            state = State.STOPPED;
            return;
        }
        state = State.STOPPED;
        for (RtpSession session : List.copyOf(sessions)) {
            session.close();
        }
        loops.forEach(RtpIoLoop::shutdown);
        loops.clear();
        LOG.info("RTP engine stopped: {}", stats());
    }

    /**
     * Opens a session on the next free even port of the range.
     *
     * @param receiver gets what the session receives, on the session's IO thread
     * @throws IOException "no free RTP port in MIN-MAX" when the range is exhausted
     * @throws IllegalStateException when the engine is not running
     */
    public synchronized RtpSession open(RtpReceiver receiver) throws IOException {
        Objects.requireNonNull(receiver, "receiver");
        if (state != State.RUNNING) {
            throw new IllegalStateException("the RTP engine is not running");
        }
        DatagramChannel channel = ports.bindNext(bindAddress);
        InetSocketAddress local = (InetSocketAddress) channel.getLocalAddress();
        RtpIoLoop loop = loops.get(nextLoop);
        nextLoop = (nextLoop + 1) % loops.size();
        RtpCounters counters = new RtpCounters(totals);
        RtpSender sender = new RtpSender(channel, counters, nanoClock, random.nextInt(), random.nextInt(),
                random.nextInt());
        RtpSession session = new RtpSession(channel, local, receiver, loop, counters, sender, this::closed);
        sessions.add(session);
        loop.register(channel, session);
        LOG.debug("opened RTP session on {}", local);
        return session;
    }

    public RtpEngineStats stats() {
        return new RtpEngineStats(sessions.size(), totals.in.sum(), totals.out.sum(), totals.lost.sum(),
                totals.lateOrDuplicate.sum(), totals.dropped.sum());
    }

    /** The range as configured, like {@code 10000-20000}. */
    public String portRange() {
        return portRange;
    }

    private void closed(RtpSession session) {
        if (sessions.remove(session)) {
            ports.release(session.localPort());
        }
    }
}
