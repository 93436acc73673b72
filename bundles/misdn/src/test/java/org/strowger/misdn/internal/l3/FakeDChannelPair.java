package org.strowger.misdn.internal.l3;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

import org.strowger.misdn.card.DChannel;

/**
 * Two D-channels joined by a virtual cable, PTP (ces 0). Each end delivers to its own listener in
 * its own single thread, like the card's I/O thread; a message can be dropped by a filter.
 */
final class FakeDChannelPair implements AutoCloseable {

    final End te = new End("te");
    final End nt = new End("nt");
    private volatile boolean cable = true;
    private volatile boolean up;

    FakeDChannelPair() {
        te.peer = nt;
        nt.peer = te;
    }

    /** Pulls the cable: both ends see the data link and layer 1 go. */
    void pull() {
        cable = false;
        up = false;
        for (End e : List.of(te, nt)) {
            e.io.execute(() -> {
                e.listener.released(0);
                e.listener.layer1(false);
            });
        }
    }

    /** Delivers raw bytes to an end as if its peer had sent them. */
    void inject(End to, byte[] raw) {
        to.io.execute(() -> to.listener.received(0, raw, false));
    }

    @Override
    public void close() {
        te.io.shutdownNow();
        nt.io.shutdownNow();
    }

    final class End implements DChannel {

        final String name;
        End peer;
        volatile DChannel.Listener listener;
        final ExecutorService io;
        volatile Predicate<byte[]> drop = b -> false;
        final List<byte[]> sent = new CopyOnWriteArrayList<>();

        End(String name) {
            this.name = name;
            this.io = Executors.newSingleThreadExecutor(r -> new Thread(r, "fake-d-" + name));
        }

        @Override
        public void establish() {
            if (!cable) {
                return;
            }
            up = true;
            for (End e : List.of(this, peer)) {
                e.io.execute(() -> {
                    e.listener.layer1(true);
                    e.listener.established(0);
                });
            }
        }

        @Override
        public void release() {
            up = false;
            for (End e : List.of(this, peer)) {
                e.io.execute(() -> e.listener.released(0));
            }
        }

        @Override
        public void send(int ces, byte[] message) {
            sent.add(message.clone());
            if (!up || drop.test(message)) {
                return;
            }
            byte[] copy = message.clone();
            peer.io.execute(() -> peer.listener.received(0, copy, false));
        }

        @Override
        public void sendUnitData(byte[] message) {
            sent.add(message.clone());
            if (!cable || drop.test(message)) {
                return;
            }
            byte[] copy = message.clone();
            peer.io.execute(() -> peer.listener.received(0, copy, true));
        }

        @Override
        public void close() {
        }
    }
}
