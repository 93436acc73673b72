package org.strowger.misdn.internal.audio;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands received audio to the core one 20 ms frame every 20 ms, for every call of the driver
 * from one timer thread. A card delivers the line in its own ticks (16 ms on HFC chips, 128
 * bytes), so whole 160-sample frames complete 16 or 32 ms apart; each call keeps a small jitter
 * buffer ({@link Buffer}) that this pacer drains at the frame rate.
 */
public final class RxPacer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RxPacer.class);
    private static final long FRAME_NANOS = 20_000_000L;

    /** A call's receive side as the pacer sees it. */
    public interface Source {
        /** Called every 20 ms in the pacer's thread with no lock held: hand on one frame, if one is due. */
        void tick();
    }

    private final Set<Source> sources = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "strowger-misdn-pacer");
        thread.setDaemon(true);
        return thread;
    });

    public RxPacer() {
        timer.scheduleAtFixedRate(this::tick, FRAME_NANOS, FRAME_NANOS, TimeUnit.NANOSECONDS);
    }

    public void add(Source source) {
        sources.add(source);
    }

    public void remove(Source source) {
        sources.remove(source);
    }


    private void tick() {
        for (Source source : sources) {
            try {
                source.tick();
            } catch (RuntimeException e) {
                LOG.warn("mISDN audio pacing failed for {}", source, e);
            }
        }
    }

    /** Stops the pacer thread and waits (briefly) until it is gone, so a stopped driver leaves no thread. */
    @Override
    public void close() {
        timer.shutdownNow();
        sources.clear();
        try {
            if (!timer.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("mISDN audio pacer did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A call's jitter buffer: frames in as the line completes them, out one per pacer tick. It
     * starts handing frames out once two are buffered (enough to ride out a 32 ms gap) or a lone
     * frame has waited two ticks, stops when it runs dry and waits again, and drops the oldest
     * beyond 200 ms.
     */
    public static final class Buffer {
        private static final int PRIME = 2;
        private static final int MOST = 10;

        private final java.util.ArrayDeque<org.strowger.channel.frame.VoiceFrame> frames = new java.util.ArrayDeque<>();
        private boolean flowing;
        private int waitedTicks;
        private long dropped;

        public synchronized void add(java.util.List<org.strowger.channel.frame.VoiceFrame> completed) {
            for (org.strowger.channel.frame.VoiceFrame frame : completed) {
                if (frames.size() == MOST) {
                    frames.pollFirst();
                    dropped++;
                }
                frames.addLast(frame);
            }
        }

        /** The frame due now, or null (still filling, or ran dry). */
        public synchronized org.strowger.channel.frame.VoiceFrame next() {
            if (!flowing && !frames.isEmpty() && (frames.size() >= PRIME || ++waitedTicks >= PRIME)) {
                flowing = true;
            }
            if (!flowing) {
                return null;
            }
            waitedTicks = 0;
            org.strowger.channel.frame.VoiceFrame frame = frames.pollFirst();
            if (frame == null) {
                flowing = false;
            }
            return frame;
        }

        public synchronized long dropped() {
            return dropped;
        }
    }
}
