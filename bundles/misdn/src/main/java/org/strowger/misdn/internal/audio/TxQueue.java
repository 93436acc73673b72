package org.strowger.misdn.internal.audio;

import java.io.IOException;
import java.util.ArrayDeque;

/**
 * Audio waiting for a B-channel's transmit FIFO. Writes queue bit-reversed bytes and push what
 * the FIFO takes; the card's "sent" report pushes more. Beyond {@code maxBytes} (about 200 ms)
 * the oldest audio is dropped and counted, so a stalled line never grows memory or delay. Its
 * own monitor guards it, never the pvt lock; sends never block (a full FIFO says so).
 */
public final class TxQueue {

    /** Where queued audio goes: a B-channel's send, false when its FIFO is full. */
    @FunctionalInterface
    public interface Sink {
        boolean send(byte[] wire) throws IOException;
    }

    private final int maxBytes;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int queuedBytes;
    private long droppedBytes;
    private Sink sink;
    private boolean pushing;

    public TxQueue(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Starts sending to {@code sink} (the B-channel is open); {@code null} stops and discards what waits. */
    public synchronized void sink(Sink newSink) {
        this.sink = newSink;
        if (newSink == null) {
            chunks.clear();
            queuedBytes = 0;
        }
    }

    /** Queues bytes as they go on the wire and sends what the FIFO takes. */
    public void offer(byte[] wire) throws IOException {
        synchronized (this) {
            if (sink == null) {
                return;
            }
            chunks.addLast(wire);
            queuedBytes += wire.length;
            while (queuedBytes > maxBytes && !chunks.isEmpty()) {
                byte[] oldest = chunks.removeFirst();
                queuedBytes -= oldest.length;
                droppedBytes += oldest.length;
            }
        }
        push();
    }

    /** The FIFO has room again. */
    public void sent() throws IOException {
        push();
    }

    private synchronized void push() throws IOException {
        if (pushing) {
            return; // a sink that reports "sent" from inside send: the outer loop carries on
        }
        pushing = true;
        try {
            while (sink != null && !chunks.isEmpty()) {
                if (!sink.send(chunks.peekFirst())) {
                    return;
                }
                queuedBytes -= chunks.removeFirst().length;
            }
        } finally {
            pushing = false;
        }
    }

    public synchronized int queuedBytes() {
        return queuedBytes;
    }

    /** Bytes dropped because the line did not take them in time. */
    public synchronized long droppedBytes() {
        return droppedBytes;
    }
}
