package org.strowger.channel.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.event.ChannelEvent;
import org.strowger.channel.event.ChannelListener;

/**
 * Delivers channel events to listener services in order, on one thread of its own, so that no
 * listener ever runs under a core lock or in a driver's I/O thread. With no listener, an event
 * is not even built.
 */
final class EventDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(EventDispatcher.class);

    private final List<ChannelListener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread worker = new Thread(runnable, "strowger-channel-events");
        worker.setDaemon(true);
        return worker;
    });

    void addListener(ChannelListener listener) {
        listeners.add(listener);
    }

    void removeListener(ChannelListener listener) {
        listeners.remove(listener);
    }

    void publish(Supplier<ChannelEvent> event) {
        if (listeners.isEmpty()) {
            return;
        }
        ChannelEvent built = event.get();
        try {
            thread.execute(() -> deliver(built));
        } catch (RejectedExecutionException stopping) {
            LOG.debug("Event dropped while the core stops: {}", built);
        }
    }

    private void deliver(ChannelEvent event) {
        for (ChannelListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("Channel listener {} failed on {}", listener, event, e);
            }
        }
    }

    void stop() {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
