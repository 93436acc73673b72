package org.strowger.misdn.card;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what a channel reports, for tests: events as strings, B-channel audio as a stream. */
final class Recorder implements DChannel.Listener, BChannel.Listener {

    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final BlockingQueue<byte[]> messages = new LinkedBlockingQueue<>();
    final ByteArrayOutputStream audio = new ByteArrayOutputStream();
    final AtomicInteger sent = new AtomicInteger();

    @Override
    public void layer1(boolean active) {
        events.add("layer1 " + active);
    }

    @Override
    public void established(int ces) {
        events.add("established " + ces);
    }

    @Override
    public void released(int ces) {
        events.add("released " + ces);
    }

    @Override
    public void received(int ces, byte[] message, boolean broadcast) {
        messages.add(message); // before the event, which a test awaits
        events.add((broadcast ? "unitdata " : "data ") + ces);
    }

    @Override
    public void activated(boolean active) {
        events.add("activated " + active);
    }

    @Override
    public void received(byte[] bytes) {
        synchronized (audio) {
            audio.writeBytes(bytes);
        }
    }

    @Override
    public void sent() {
        sent.incrementAndGet();
    }

    @Override
    public void failed(IOException why) {
        events.add("failed " + why.getMessage());
    }

    int audioBytes() {
        synchronized (audio) {
            return audio.size();
        }
    }

    byte[] audio() {
        synchronized (audio) {
            return audio.toByteArray();
        }
    }

    /** Waits for an event that starts with {@code prefix}, skipping others; null on timeout. */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            long left = deadline - System.nanoTime();
            String e = left > 0 ? events.poll(left, TimeUnit.NANOSECONDS) : null;
            if (e == null || e.startsWith(prefix)) {
                return e;
            }
        }
    }
}
