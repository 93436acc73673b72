package org.strowger.misdn.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.strowger.misdn.internal.l3.Call;
import org.strowger.misdn.internal.l3.CallListener;
import org.strowger.misdn.internal.l3.CallRequest;
import org.strowger.misdn.internal.l3.IncomingSetup;
import org.strowger.misdn.internal.l3.Layer3;
import org.strowger.misdn.internal.l3.LinkState;
import org.strowger.misdn.card.DChannel;

/**
 * A stand-in for Q931Layer: the same basic call (SETUP, CALL PROCEEDING, ALERTING, PROGRESS,
 * CONNECT, CONNECT ACK, DISCONNECT, RELEASE, RELEASE COMPLETE) as text lines over the card's
 * D-channel, no timers. Enough to drive the channel driver end to end.
 */
final class FakeLayer3 implements Layer3 {

    private final Layer3.Listener listener;
    private final Consumer<String> trace;
    private final Map<String, FakeCall> calls = new ConcurrentHashMap<>();
    private final List<String> pending = new ArrayList<>();
    private final AtomicInteger nextReference = new AtomicInteger(1);
    private volatile DChannel channel;
    private volatile boolean layer1;
    private volatile boolean layer2;

    FakeLayer3(Layer3.Listener listener, Consumer<String> trace) {
        this.listener = listener;
        this.trace = trace;
    }

    @Override
    public void attach(DChannel d) {
        this.channel = d;
    }

    @Override
    public Call setup(CallRequest request, CallListener callListener) {
        FakeCall call = new FakeCall(nextReference.getAndIncrement(), true, request.bChannel() > 0 ? request.bChannel() : 1);
        call.listener = callListener;
        calls.put(call.key(), call);
        send(call, "SETUP " + call.bChannel + " " + request.calledNumber() + " " + blank(request.callingNumber()));
        return call;
    }

    private static String blank(String s) {
        return s.isEmpty() ? "-" : s;
    }

    @Override
    public LinkState state() {
        return new LinkState(layer1, layer2, calls.size());
    }

    @Override
    public void close() {
        calls.clear();
    }

    private void send(FakeCall call, String what) {
        String line = (call.mine ? "O" : "T") + call.reference + " " + what;
        trace.accept("> " + line);
        synchronized (pending) {
            if (!layer2) {
                pending.add(line);
                try {
                    channel.establish();
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
                return;
            }
        }
        transmit(line);
    }

    private void transmit(String line) {
        try {
            channel.send(0, line.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    // --- DChannel.Listener (the card's I/O thread) ------------------------------------------------------

    @Override
    public void layer1(boolean active) {
        layer1 = active;
        listener.linkChanged(state());
    }

    @Override
    public void established(int ces) {
        List<String> flush;
        synchronized (pending) {
            layer2 = true;
            flush = new ArrayList<>(pending);
            pending.clear();
        }
        flush.forEach(this::transmit);
        listener.linkChanged(state());
    }

    @Override
    public void released(int ces) {
        layer2 = false;
        for (FakeCall call : List.copyOf(calls.values())) {
            call.end(38);
        }
        listener.linkChanged(state());
    }

    @Override
    public void failed(IOException why) {
        released(0);
    }

    @Override
    public void received(int ces, byte[] message, boolean broadcast) {
        String line = new String(message, StandardCharsets.US_ASCII);
        trace.accept("< " + line);
        String[] words = line.split(" ");
        boolean fromOriginator = words[0].charAt(0) == 'O';
        int reference = Integer.parseInt(words[0].substring(1));
        String key = (fromOriginator ? "peer:" : "me:") + reference;
        if (words[1].equals("SETUP")) {
            FakeCall call = new FakeCall(reference, false, Integer.parseInt(words[2]));
            calls.put(key, call);
            String calling = words[4].equals("-") ? "" : words[4];
            listener.incoming(call, new IncomingSetup(words[3], calling, "", call.bChannel, true, true));
            return;
        }
        FakeCall call = calls.get(key);
        if (call == null) {
            return;
        }
        CallListener l = call.listener;
        switch (words[1]) {
            case "PROCEEDING" -> l.proceeding();
            case "ALERTING" -> l.alerting();
            case "PROGRESS" -> l.progress();
            case "CONNECT" -> {
                call.state = "ACTIVE";
                send(call, "CONNECT_ACK");
                l.connected();
            }
            case "CONNECT_ACK" -> {
                call.state = "ACTIVE";
                l.connected();
            }
            case "DISCONNECT" -> {
                send(call, "RELEASE " + words[2]);
                call.end(Integer.parseInt(words[2]));
            }
            case "RELEASE" -> {
                send(call, "RELEASE_COMPLETE");
                call.end(Integer.parseInt(words[2]));
            }
            default -> {
            }
        }
    }

    private final class FakeCall implements Call {
        final int reference;
        final boolean mine;
        final int bChannel;
        volatile CallListener listener;
        volatile String state = "CALL_PRESENT";
        private boolean ended;

        FakeCall(int reference, boolean mine, int bChannel) {
            this.reference = reference;
            this.mine = mine;
            this.bChannel = bChannel;
            if (mine) {
                state = "CALL_INITIATED";
            }
        }

        String key() {
            return (mine ? "me:" : "peer:") + reference;
        }

        synchronized boolean markEnded() {
            boolean was = ended;
            ended = true;
            return !was;
        }

        void end(int cause) {
            if (markEnded()) {
                calls.remove(key());
                state = "NULL";
                CallListener l = listener;
                if (l != null) {
                    l.released(cause);
                }
            }
        }

        @Override
        public int callReference() {
            return reference;
        }

        @Override
        public int bChannel() {
            return bChannel;
        }

        @Override
        public void listen(CallListener l) {
            listener = l;
        }

        @Override
        public void setupAcknowledge() {
            send(this, "SETUP_ACK");
        }

        @Override
        public void proceeding() {
            send(this, "PROCEEDING");
        }

        @Override
        public void alerting() {
            send(this, "ALERTING");
        }

        @Override
        public void progress() {
            send(this, "PROGRESS");
        }

        @Override
        public void connect() {
            send(this, "CONNECT");
        }

        @Override
        public void information(String digits) {
            send(this, "INFORMATION " + digits);
        }

        @Override
        public void disconnect(int cause) {
            if (!ended) {
                state = "DISCONNECT_REQUEST";
                send(this, "DISCONNECT " + cause);
            }
        }

        @Override
        public String stateName() {
            return state;
        }
    }
}
