package org.strowger.misdn.internal.l3;

import static org.strowger.misdn.internal.q931.InformationElement.*;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.strowger.misdn.card.DChannel;
import org.strowger.misdn.card.PortRole;
import org.strowger.misdn.internal.q931.BearerCapability;
import org.strowger.misdn.internal.q931.Cause;
import org.strowger.misdn.internal.q931.ChannelId;
import org.strowger.misdn.internal.q931.Decoded;
import org.strowger.misdn.internal.q931.Ies;
import org.strowger.misdn.internal.q931.InformationElement;
import org.strowger.misdn.internal.q931.InvalidIeException;
import org.strowger.misdn.internal.q931.MessageType;
import org.strowger.misdn.internal.q931.PartyNumber;
import org.strowger.misdn.internal.q931.ProgressIndicator;
import org.strowger.misdn.internal.q931.Q931Codec;
import org.strowger.misdn.internal.q931.Q931Message;

/**
 * Q.931 basic call of one port, TE or NT role, BRI or PRI. One lock guards every call; sends
 * to the D-channel happen under it (the card never blocks a send). Listener calls and trace
 * lines go through one queue drained by whichever thread finished its work, with no lock held,
 * so they keep their order and a listener may call straight back into a {@link Call}.
 */
public final class Q931Layer implements Layer3 {

    private final PortRole role;
    private final boolean primaryRate;
    private final boolean pointToMultipoint;
    private final ScheduledExecutorService timers;
    private final Layer3.Listener listener;
    private final Consumer<String> trace;
    private final Q931Timers t;

    private final Object lock = new Object();
    private DChannel channel;
    private boolean layer1;
    private boolean closed;
    private final Set<Integer> links = new HashSet<>();
    private final Set<Integer> establishing = new HashSet<>();
    /** I-frames waiting for their data link, in order. */
    private final List<Queued> pending = new ArrayList<>();
    private final Map<Long, Q931Call> calls = new HashMap<>();
    private final boolean[] busy;
    private int nextCr = 1;

    private final ConcurrentLinkedQueue<Runnable> events = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();

    private record Queued(Q931Call owner, int ces, byte[] bytes) {
    }

    public Q931Layer(PortRole role, boolean primaryRate, boolean pointToMultipoint,
            ScheduledExecutorService timers, Layer3.Listener listener, Consumer<String> trace) {
        this(role, primaryRate, pointToMultipoint, timers, listener, trace, Q931Timers.defaults(role));
    }

    /**
     * @param trace receives one line per message sent or received and per notable event (no lock held)
     */
    public Q931Layer(PortRole role, boolean primaryRate, boolean pointToMultipoint,
            ScheduledExecutorService timers, Layer3.Listener listener, Consumer<String> trace, Q931Timers durations) {
        this.role = Objects.requireNonNull(role, "role");
        this.primaryRate = primaryRate;
        this.pointToMultipoint = pointToMultipoint;
        this.timers = Objects.requireNonNull(timers, "timers");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.trace = trace == null ? s -> { } : trace;
        this.t = Objects.requireNonNull(durations, "durations");
        this.busy = new boolean[(primaryRate ? 30 : 2) + 1];
    }

    // ---------------------------------------------------------------- Layer3

    @Override
    public void attach(DChannel channel) {
        synchronized (lock) {
            this.channel = channel;
        }
    }

    @Override
    public Call setup(CallRequest request, CallListener callListener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(callListener, "listener");
        Q931Call c;
        synchronized (lock) {
            int cr = closed ? 0 : allocateCr();
            c = new Q931Call(true, cr, role == PortRole.NT && pointToMultipoint ? -1 : 0);
            c.listener = callListener;
            if (closed || cr == 0) {
                note("setup refused: " + (closed ? "layer 3 closed" : "no free call reference"));
                c.deliver(l -> l.released(closed ? 38 : 47));
            } else {
                c.placeCall(request);
            }
        }
        drainSoon();
        return c;
    }

    @Override
    public LinkState state() {
        synchronized (lock) {
            return new LinkState(layer1, !links.isEmpty(), calls.size());
        }
    }

    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            for (Q931Call c : new ArrayList<>(calls.values())) {
                c.free(41);
            }
            links.clear();
            pending.clear();
        }
        drain();
    }

    // ---------------------------------------------------------------- DChannel.Listener

    @Override
    public void layer1(boolean active) {
        synchronized (lock) {
            layer1 = active;
            note("layer 1 " + (active ? "active" : "down"));
            postLinkChanged();
        }
        drain();
    }

    @Override
    public void established(int ces) {
        synchronized (lock) {
            layer1 = true;
            links.add(ces);
            establishing.remove(ces);
            note("data link up, ces " + ces);
            for (Iterator<Queued> it = pending.iterator(); it.hasNext();) {
                Queued q = it.next();
                if (q.ces == ces) {
                    it.remove();
                    write(ces, q.bytes);
                }
            }
            for (Q931Call c : calls.values()) {
                if (c.ces == ces && c.t309 != null) {
                    c.t309.cancel(false);
                    c.t309 = null;
                }
            }
            postLinkChanged();
        }
        drain();
    }

    @Override
    public void released(int ces) {
        synchronized (lock) {
            links.remove(ces);
            establishing.remove(ces);
            note("data link down, ces " + ces);
            boolean keep = false;
            for (Q931Call c : new ArrayList<>(calls.values())) {
                if (c.ces != ces) {
                    continue;
                }
                if (c.state == 10 && !closed) {
                    keep = true;
                    c.startT309();
                } else {
                    c.free(38);
                }
            }
            if (keep) {
                requestLink(ces);
            }
            postLinkChanged();
        }
        drain();
    }

    @Override
    public void received(int ces, byte[] message, boolean broadcast) {
        synchronized (lock) {
            if (!closed) {
                onMessage(ces, message);
            }
        }
        drain();
    }

    @Override
    public void failed(IOException why) {
        synchronized (lock) {
            note("D-channel failed: " + why.getMessage());
            links.clear();
            establishing.clear();
            layer1 = false;
            for (Q931Call c : new ArrayList<>(calls.values())) {
                c.free(38);
            }
            postLinkChanged();
        }
        drain();
    }

    // ---------------------------------------------------------------- receiving

    private void onMessage(int ces, byte[] bytes) {
        Decoded d = Q931Codec.decode(bytes);
        if (d.kind() == Decoded.Kind.IGNORED) {
            note("< ces " + ces + " ignored (" + d.problem() + "): " + Q931Codec.hex(bytes));
            return;
        }
        Q931Message m = d.message();
        note("< " + m + (d.problem().isEmpty() ? "" : " [" + d.problem() + "]"));
        if (m.crLength() == 0 || m.callReference() == 0) {
            note("global or dummy call reference not handled, message ignored");
            return;
        }
        if (m.crLength() != crLength()) {
            note("call reference length " + m.crLength() + " on a " + (primaryRate ? "PRI" : "BRI") + " port, ignored");
            return;
        }
        boolean ours = m.flag();
        Q931Call c = calls.get(key(ours, ces, m.callReference()));
        MessageType type = m.type();
        if (c == null) {
            if (type == MessageType.SETUP && !ours) {
                if (d.kind() == Decoded.Kind.REJECTED) {
                    reply(ces, m, MessageType.RELEASE_COMPLETE, cause(d.cause()));
                } else {
                    incoming(ces, m, d);
                }
            } else if (type != MessageType.RELEASE_COMPLETE) {
                reply(ces, m, MessageType.RELEASE_COMPLETE, cause(81));
            }
            return;
        }
        if (ours && c.ces != ces) {
            if (c.ces < 0) {
                c.ces = ces; // the first terminal of the bus to answer a broadcast SETUP
            } else {
                c.otherTerminal(ces, m, d);
                return;
            }
        }
        if (d.kind() == Decoded.Kind.REJECTED) {
            c.rejected(m, d.cause());
            return;
        }
        c.handle(m);
        if (d.kind() == Decoded.Kind.FAULTY && c.state != 0) {
            c.status(d.cause());
        }
    }

    private void incoming(int ces, Q931Message m, Decoded d) {
        boolean speech = true;
        ChannelId chi = null;
        try {
            speech = BearerCapability.parse(m.ie(BEARER_CAPABILITY)).voice();
            if (m.has(CHANNEL_ID)) {
                chi = ChannelId.parse(m.ie(CHANNEL_ID));
            }
        } catch (InvalidIeException e) { // the codec checked them already
            note("unexpected: " + e.getMessage());
        }
        int b = 0;
        if (role == PortRole.NT) {
            b = pickChannel(chi == null ? 0 : chi.bChannel(), chi != null && chi.exclusive());
            if (b < 0) {
                reply(ces, m, MessageType.RELEASE_COMPLETE, cause(-b));
                return;
            }
            busy[b] = true;
        } else if (chi != null && chi.bChannel() > 0) {
            b = chi.bChannel();
        }
        Q931Call c = new Q931Call(false, m.callReference(), ces);
        c.b = b;
        c.state = 6;
        calls.put(c.key(), c);
        IncomingSetup setup = new IncomingSetup(digits(m), number(m, CALLING_PARTY_NUMBER),
                m.has(DISPLAY) ? m.ie(DISPLAY).text() : "", b, m.has(SENDING_COMPLETE), speech);
        post(() -> listener.incoming(c, setup));
        if (d.kind() == Decoded.Kind.FAULTY) {
            c.status(d.cause());
        }
    }

    // ---------------------------------------------------------------- helpers

    private int crLength() {
        return primaryRate ? 2 : 1;
    }

    private static long key(boolean ours, int ces, int cr) {
        return ours ? (1L << 40) | cr : ((long) (ces & 0xFFFF) << 16) | cr;
    }

    private int allocateCr() {
        int max = primaryRate ? 0x7FFF : 0x7F;
        for (int i = 0; i < max; i++) {
            int cr = nextCr;
            nextCr = nextCr >= max ? 1 : nextCr + 1;
            if (!calls.containsKey(key(true, 0, cr))) {
                return cr;
            }
        }
        return 0;
    }

    /** NT: a free B-channel honouring the request; -44 when an exclusive one is taken, -34 when none is free. */
    private int pickChannel(int wanted, boolean exclusive) {
        int max = busy.length - 1;
        if (wanted > 0) {
            if (wanted <= max && !busy[wanted]) {
                return wanted;
            }
            if (exclusive) {
                return -44;
            }
        }
        for (int i = 1; i <= max; i++) {
            if (!busy[i]) {
                return i;
            }
        }
        return -34;
    }

    private InformationElement cause(int value) {
        return new Cause(role == PortRole.NT ? Cause.PRIVATE_NETWORK : Cause.USER, value).toIe();
    }

    private static String number(Q931Message m, int id) {
        try {
            return m.has(id) ? PartyNumber.parse(m.ie(id)).digits() : "";
        } catch (InvalidIeException e) {
            return "";
        }
    }

    private static String digits(Q931Message m) {
        String d = number(m, CALLED_PARTY_NUMBER);
        if (d.isEmpty() && m.has(KEYPAD_FACILITY)) {
            d = m.ie(KEYPAD_FACILITY).text();
        }
        return d;
    }

    /** Answers a message outside any call (the reply carries the other flag). */
    private void reply(int ces, Q931Message to, MessageType type, InformationElement... ies) {
        Q931Message m = Q931Message.of(to.crLength(), to.callReference(), !to.flag(), type, ies);
        note("> " + m);
        transmit(null, ces, Q931Codec.encode(m));
    }

    private void transmit(Q931Call owner, int ces, byte[] bytes) {
        if (ces < 0) {
            try {
                if (channel != null) {
                    channel.sendUnitData(bytes);
                }
            } catch (IOException e) {
                note("broadcast failed: " + e.getMessage());
            }
            return;
        }
        if (links.contains(ces)) {
            write(ces, bytes);
            return;
        }
        pending.add(new Queued(owner, ces, bytes));
        requestLink(ces);
    }

    private void write(int ces, byte[] bytes) {
        try {
            if (channel == null) {
                note("no D-channel attached, message dropped");
            } else {
                channel.send(ces, bytes);
            }
        } catch (IOException e) {
            note("send failed: " + e.getMessage());
        }
    }

    private void requestLink(int ces) {
        if (channel == null || !establishing.add(ces)) {
            return;
        }
        note("establishing data link, ces " + ces);
        try {
            channel.establish();
        } catch (IOException e) {
            establishing.remove(ces);
            note("establish failed: " + e.getMessage());
        }
    }

    private void note(String line) {
        String l = role + " " + line;
        post(() -> trace.accept(l));
    }

    private void post(Runnable r) {
        events.add(r);
    }

    private void postLinkChanged() {
        LinkState s = new LinkState(layer1, !links.isEmpty(), calls.size());
        post(() -> listener.linkChanged(s));
    }

    /**
     * After a call the driver made (often inside a channel-core callback, such as a hangup, where
     * the driver must not call the core back): the listener calls it queued run on the layer's own
     * thread instead, so the caller never runs another call's report.
     */
    private void drainSoon() {
        if (events.isEmpty()) {
            return;
        }
        try {
            timers.execute(this::drain);
        } catch (RejectedExecutionException stopped) {
            drain(); // the driver is stopping: nothing else will run them
        }
    }

    /** Runs queued listener calls and trace lines; never with the lock held. */
    private void drain() {
        while (!events.isEmpty()) {
            if (!draining.compareAndSet(false, true)) {
                return;
            }
            try {
                Runnable r;
                while ((r = events.poll()) != null) {
                    try {
                        r.run();
                    } catch (RuntimeException e) {
                        String l = role + " listener failed: " + e;
                        try {
                            trace.accept(l);
                        } catch (RuntimeException ignored) {
                            // nothing more to do
                        }
                    }
                }
            } finally {
                draining.set(false);
            }
        }
    }

    private static String stateName(int s) {
        return switch (s) {
            case 0 -> "NULL";
            case 1 -> "CALL_INITIATED";
            case 2 -> "OVERLAP_SENDING";
            case 3 -> "OUTGOING_CALL_PROCEEDING";
            case 4 -> "CALL_DELIVERED";
            case 6 -> "CALL_PRESENT";
            case 7 -> "CALL_RECEIVED";
            case 8 -> "CONNECT_REQUEST";
            case 9 -> "INCOMING_CALL_PROCEEDING";
            case 10 -> "ACTIVE";
            case 11 -> "DISCONNECT_REQUEST";
            case 12 -> "DISCONNECT_INDICATION";
            case 19 -> "RELEASE_REQUEST";
            case 25 -> "OVERLAP_RECEIVING";
            default -> "STATE_" + s;
        };
    }

    // ---------------------------------------------------------------- one call

    /** One call's state machine; every method runs with {@code lock} held unless it is a {@link Call} method. */
    private final class Q931Call implements Call {

        final boolean outgoing;
        final int cr;
        /** The terminal's CES (0 on TE and PTP); -1 while an NT broadcast SETUP has no answer. */
        int ces;
        int state;
        int b;
        CallListener listener;
        final List<Consumer<CallListener>> early = new ArrayList<>();
        ScheduledFuture<?> timer;
        int timerGen;
        ScheduledFuture<?> t309;
        int retries;
        int clearing;
        boolean channelSent;
        Q931Message setupMessage;

        Q931Call(boolean outgoing, int cr, int ces) {
            this.outgoing = outgoing;
            this.cr = cr;
            this.ces = ces;
        }

        long key() {
            return Q931Layer.key(outgoing, ces, cr);
        }

        // ------------------------------------------------ Call

        @Override
        public int callReference() {
            return cr;
        }

        @Override
        public int bChannel() {
            synchronized (lock) {
                return Math.max(b, 0);
            }
        }

        @Override
        public void listen(CallListener l) {
            synchronized (lock) {
                listener = l;
                for (Consumer<CallListener> e : early) {
                    post(() -> e.accept(l));
                }
                early.clear();
            }
            drainSoon();
        }

        @Override
        public void setupAcknowledge() {
            answer(MessageType.SETUP_ACKNOWLEDGE, 25, 6);
        }

        @Override
        public void proceeding() {
            answer(MessageType.CALL_PROCEEDING, 9, 6, 25);
        }

        @Override
        public void alerting() {
            answer(MessageType.ALERTING, 7, 6, 25, 9);
        }

        @Override
        public void progress() {
            synchronized (lock) {
                if (!outgoing && (state == 6 || state == 25 || state == 9 || state == 7)) {
                    send(MessageType.PROGRESS, progressInBand());
                } else {
                    refuse("PROGRESS");
                }
            }
            drainSoon();
        }

        @Override
        public void connect() {
            answer(MessageType.CONNECT, role == PortRole.TE ? 8 : 10, 6, 25, 9, 7);
        }

        @Override
        public void information(String digits) {
            synchronized (lock) {
                if (outgoing && (state == 1 || state == 2)) {
                    send(MessageType.INFORMATION, PartyNumber.of(digits).toIe(CALLED_PARTY_NUMBER));
                } else {
                    refuse("INFORMATION");
                }
            }
            drainSoon();
        }

        @Override
        public void disconnect(int cause) {
            synchronized (lock) {
                localClear(cause);
            }
            drainSoon();
        }

        @Override
        public String stateName() {
            synchronized (lock) {
                return Q931Layer.stateName(state);
            }
        }

        @Override
        public String toString() {
            return (outgoing ? "out" : "in") + " cr " + cr + " " + Q931Layer.stateName(state);
        }

        // ------------------------------------------------ local actions

        private void answer(MessageType type, int next, int... from) {
            synchronized (lock) {
                boolean ok = false;
                for (int s : from) {
                    ok |= !outgoing && state == s;
                }
                if (!ok) {
                    refuse(type.name());
                } else {
                    List<InformationElement> ies = new ArrayList<>();
                    if (!channelSent && b > 0) {
                        ies.add(ChannelId.exclusive(primaryRate, b).toIe());
                        channelSent = true;
                    }
                    if (type == MessageType.SETUP_ACKNOWLEDGE && role == PortRole.NT) {
                        ies.add(progressInBand()); // dial tone in-band
                    }
                    send(type, ies.toArray(InformationElement[]::new));
                    state = next;
                    if (type == MessageType.CONNECT) {
                        if (role == PortRole.TE) {
                            startTimer("T313", t.t313(), () -> {
                                note("T313 expired, no CONNECT ACKNOWLEDGE");
                                localClear(102);
                            });
                        } else {
                            deliver(CallListener::connected);
                        }
                    }
                }
            }
            drainSoon();
        }

        void placeCall(CallRequest r) {
            if (role == PortRole.NT) {
                int pick = pickChannel(r.bChannel(), r.bChannel() > 0);
                if (pick < 0) {
                    note("no B-channel for the call: cause " + (-pick));
                    deliver(l -> l.released(-pick));
                    return;
                }
                b = pick;
                busy[b] = true;
            }
            List<InformationElement> ies = new ArrayList<>();
            if (r.sendingComplete()) {
                ies.add(InformationElement.of(SENDING_COMPLETE));
            }
            ies.add(BearerCapability.speech(true).toIe());
            if (role == PortRole.NT) {
                ies.add(ChannelId.exclusive(primaryRate, b).toIe());
            } else {
                ies.add(r.bChannel() > 0 ? ChannelId.exclusive(primaryRate, r.bChannel()).toIe()
                        : ChannelId.any(primaryRate).toIe());
            }
            if (!r.callingName().isEmpty()) {
                ies.add(Ies.text(DISPLAY, r.callingName()));
            }
            if (!r.callingNumber().isEmpty()) {
                ies.add(PartyNumber.of(r.callingNumber()).toIe(CALLING_PARTY_NUMBER));
            }
            if (!r.calledNumber().isEmpty()) {
                ies.add(PartyNumber.of(r.calledNumber()).toIe(CALLED_PARTY_NUMBER));
            }
            setupMessage = Q931Message.of(crLength(), cr, false, MessageType.SETUP,
                    ies.toArray(InformationElement[]::new));
            state = 1;
            calls.put(key(), this);
            sendSetup();
        }

        private void sendSetup() {
            note("> " + setupMessage);
            transmit(this, ces, Q931Codec.encode(setupMessage));
            startTimer("T303", t.t303(), () -> {
                if (retries == 0) {
                    retries = 1;
                    note("T303 expired, SETUP sent again");
                    pending.removeIf(q -> q.owner == this);
                    sendSetup();
                } else {
                    note("T303 expired twice, call cleared");
                    if (ces >= 0 && links.contains(ces)) {
                        send(MessageType.RELEASE_COMPLETE, cause(102));
                    }
                    free(role == PortRole.TE ? 102 : 18);
                }
            });
        }

        void localClear(int cause) {
            if (state == 0 || state == 11 || state == 12 || state == 19) {
                return;
            }
            clearing = cause;
            if (!outgoing && state == 6) { // SETUP not answered yet: reject it
                send(MessageType.RELEASE_COMPLETE, cause(cause));
                free(cause);
                return;
            }
            if (ces < 0) { // a broadcast SETUP nobody answered
                free(cause);
                return;
            }
            send(MessageType.DISCONNECT, cause(cause));
            state = role == PortRole.TE ? 11 : 12;
            startTimer("T305", t.t305(), () -> {
                note("T305 expired, no RELEASE");
                release(cause(clearing));
            });
        }

        private void release(InformationElement... ies) {
            retries = 0;
            send(MessageType.RELEASE, ies);
            state = 19;
            startT308(ies);
        }

        private void startT308(InformationElement... ies) {
            startTimer("T308", t.t308(), () -> {
                if (retries == 0) {
                    retries = 1;
                    note("T308 expired, RELEASE sent again");
                    send(MessageType.RELEASE, ies);
                    startT308(ies);
                } else {
                    note("T308 expired twice, call reference freed");
                    free(clearing);
                }
            });
        }

        private void refuse(String what) {
            note(what + " not allowed on " + this + ", ignored");
        }

        // ------------------------------------------------ messages from the line

        void handle(Q931Message m) {
            MessageType type = m.type();
            boolean clearingNow = state == 11 || state == 12 || state == 19;
            switch (type) {
                case SETUP -> {
                    // a retransmission: the answer is on its way
                }
                case STATUS_ENQUIRY -> status(30);
                case STATUS -> {
                    try {
                        if (Ies.callState(m.ie(CALL_STATE)) == 0) {
                            note("peer is in the Null state, call cleared");
                            free(m.causeValue() == 0 ? 101 : m.causeValue());
                        }
                    } catch (InvalidIeException e) {
                        note("STATUS: " + e.getMessage());
                    }
                }
                case RELEASE_COMPLETE -> free(clearing != 0 ? clearing : orNormal(m.causeValue()));
                case RELEASE -> {
                    if (state != 19) {
                        send(MessageType.RELEASE_COMPLETE);
                    }
                    free(clearing != 0 ? clearing : orNormal(m.causeValue()));
                }
                case DISCONNECT -> {
                    if (state == 19) {
                        return;
                    }
                    if (clearing == 0) {
                        clearing = orNormal(m.causeValue());
                    }
                    release();
                }
                default -> {
                    if (clearingNow) {
                        note(type + " while clearing, ignored");
                    } else if (outgoing) {
                        outgoingCall(m, type);
                    } else {
                        incomingCall(m, type);
                    }
                }
            }
        }

        private void outgoingCall(Q931Message m, MessageType type) {
            switch (type) {
                case SETUP_ACKNOWLEDGE -> {
                    if (state != 1) {
                        status(101);
                        return;
                    }
                    stopTimer();
                    takeChannel(m);
                    state = 2;
                    deliver(CallListener::setupAcknowledged);
                }
                case CALL_PROCEEDING -> {
                    if (state != 1 && state != 2) {
                        status(101);
                        return;
                    }
                    takeChannel(m);
                    state = 3;
                    startTimer("T310", t.t310(), () -> {
                        note("T310 expired, no ALERTING or CONNECT");
                        localClear(102);
                    });
                    deliver(CallListener::proceeding);
                }
                case ALERTING -> {
                    if (state != 1 && state != 2 && state != 3) {
                        status(101);
                        return;
                    }
                    stopTimer();
                    takeChannel(m);
                    state = 4;
                    deliver(CallListener::alerting);
                }
                case PROGRESS -> {
                    if (state != 2 && state != 3 && state != 4) {
                        status(101);
                        return;
                    }
                }
                case CONNECT -> {
                    if (state != 1 && state != 2 && state != 3 && state != 4) {
                        status(101);
                        return;
                    }
                    stopTimer();
                    takeChannel(m);
                    send(MessageType.CONNECT_ACKNOWLEDGE);
                    state = 10;
                    deliver(CallListener::connected);
                }
                case INFORMATION -> {
                    // display or the like from the other side: nothing basic call acts on
                }
                default -> status(101);
            }
            if (inBand(m)) {
                deliver(CallListener::progress);
            }
        }

        private void incomingCall(Q931Message m, MessageType type) {
            switch (type) {
                case INFORMATION -> {
                    String d = digits(m);
                    if (!d.isEmpty()) {
                        deliver(l -> l.information(d));
                    }
                }
                case CONNECT_ACKNOWLEDGE -> {
                    if (state == 8) {
                        stopTimer();
                        state = 10;
                        deliver(CallListener::connected);
                    } else if (state != 10) {
                        status(101);
                    }
                }
                case PROGRESS -> {
                    // the calling side's own progress: nothing to do
                }
                default -> status(101);
            }
        }

        void rejected(Q931Message m, int cause) {
            MessageType type = m.type();
            if (type == null) {
                status(cause);
                return;
            }
            switch (type) {
                case DISCONNECT -> {
                    if (state != 19) {
                        if (clearing == 0) {
                            clearing = cause;
                        }
                        release(cause(cause));
                    }
                }
                case RELEASE -> {
                    send(MessageType.RELEASE_COMPLETE, cause(cause));
                    free(clearing != 0 ? clearing : cause);
                }
                case RELEASE_COMPLETE -> free(clearing != 0 ? clearing : cause);
                case SETUP, STATUS -> note(type + " with errors ignored");
                default -> status(cause);
            }
        }

        /** NT, point-to-multipoint: a second terminal answered our broadcast SETUP. */
        void otherTerminal(int other, Q931Message m, Decoded d) {
            MessageType type = m.type();
            if (type == MessageType.CONNECT && state != 10 && d.kind() != Decoded.Kind.REJECTED) {
                note("ces " + other + " answered first; ces " + ces + " released with cause 26");
                toTerminal(ces, MessageType.RELEASE, cause(26));
                calls.remove(key());
                ces = other;
                calls.put(key(), this);
                handle(m);
            } else if (type == MessageType.CONNECT || type == MessageType.DISCONNECT) {
                toTerminal(other, MessageType.RELEASE, cause(26));
            } else if (type == MessageType.RELEASE) {
                toTerminal(other, MessageType.RELEASE_COMPLETE);
            }
        }

        private void toTerminal(int toCes, MessageType type, InformationElement... ies) {
            Q931Message m = Q931Message.of(crLength(), cr, !outgoing, type, ies);
            note("> ces " + toCes + " " + m);
            transmit(this, toCes, Q931Codec.encode(m));
        }

        private void takeChannel(Q931Message m) {
            if (role == PortRole.TE && m.has(CHANNEL_ID)) {
                try {
                    int n = ChannelId.parse(m.ie(CHANNEL_ID)).bChannel();
                    if (n > 0) {
                        b = n;
                    }
                } catch (InvalidIeException e) {
                    note(e.getMessage());
                }
            }
        }

        private boolean inBand(Q931Message m) {
            if (m.type() == MessageType.PROGRESS) {
                return true;
            }
            try {
                return m.has(PROGRESS_INDICATOR)
                        && ProgressIndicator.parse(m.ie(PROGRESS_INDICATOR)).description() == ProgressIndicator.IN_BAND;
            } catch (InvalidIeException e) {
                return false;
            }
        }

        private InformationElement progressInBand() {
            return new ProgressIndicator(role == PortRole.NT ? Cause.PRIVATE_NETWORK : Cause.USER,
                    ProgressIndicator.IN_BAND).toIe();
        }

        // ------------------------------------------------ plumbing

        void status(int cause) {
            send(MessageType.STATUS, cause(cause), Ies.callState(state));
        }

        private void send(MessageType type, InformationElement... ies) {
            Q931Message m = Q931Message.of(crLength(), cr, !outgoing, type, ies);
            note("> " + m);
            transmit(this, ces, Q931Codec.encode(m));
        }

        void deliver(Consumer<CallListener> e) {
            CallListener l = listener;
            if (l != null) {
                post(() -> e.accept(l));
            } else {
                early.add(e);
            }
        }

        /** The call reference is free: the call is over. */
        void free(int cause) {
            if (state == 0 && !calls.containsKey(key())) {
                return;
            }
            stopTimer();
            if (t309 != null) {
                t309.cancel(false);
                t309 = null;
            }
            state = 0;
            calls.remove(key());
            pending.removeIf(q -> q.owner == this);
            if (role == PortRole.NT && b > 0) {
                busy[b] = false;
            }
            note("call cr " + cr + " released, cause " + cause);
            deliver(l -> l.released(cause));
        }

        void startT309() {
            if (t309 != null) {
                return;
            }
            note("T309 started: link lost with the call active");
            t309 = schedule(t.t309(), () -> {
                t309 = null;
                note("T309 expired, call cleared");
                free(38);
                postLinkChanged();
            }, () -> true);
        }

        private void startTimer(String name, Duration d, Runnable expiry) {
            stopTimer();
            int gen = ++timerGen;
            timer = schedule(d, expiry, () -> gen == timerGen);
        }

        private void stopTimer() {
            timerGen++;
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private ScheduledFuture<?> schedule(Duration d, Runnable expiry, java.util.function.BooleanSupplier current) {
            try {
                return timers.schedule(() -> {
                    synchronized (lock) {
                        if (closed || state == 0 || !current.getAsBoolean()) {
                            return;
                        }
                        expiry.run();
                    }
                    drain();
                }, d.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                note("timer not started, executor shut down");
                return null;
            }
        }
    }

    private static int orNormal(int cause) {
        return cause == 0 ? 16 : cause;
    }
}
