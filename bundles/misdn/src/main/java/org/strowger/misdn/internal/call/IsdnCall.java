package org.strowger.misdn.internal.call;

import java.io.IOException;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.CallerId;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.channel.lock.ChannelLock;
import org.strowger.channel.log.CallLogContext;
import org.strowger.misdn.card.BChannel;
import org.strowger.misdn.internal.audio.BitReversal;
import org.strowger.misdn.internal.audio.RxChunker;
import org.strowger.misdn.internal.audio.TxQueue;
import org.strowger.misdn.internal.l3.Call;
import org.strowger.misdn.internal.l3.CallListener;
import org.strowger.misdn.internal.l3.CallRequest;

/**
 * One ISDN call and its B-channel: the driver's private state for one channel (its "pvt").
 * The pvt lock guards the state; it is never held while this class calls the channel core, the
 * layer 3 or the card: decisions are taken under the lock, actions after it. Audio has its own
 * monitors ({@link RxChunker}, {@link TxQueue}) and never takes the pvt lock.
 */
public final class IsdnCall implements CallListener {

    private static final Logger LOG = LoggerFactory.getLogger(IsdnCall.class);

    private enum Phase { IDLE, CALLING, OFFERED, ANSWERED, ENDED }

    private final CallContext context;
    private final Port port;
    private final boolean inbound;
    private final String number;
    private final ChannelLock lock;
    private final RxChunker rx;
    private final TxQueue tx = new TxQueue(CallContext.TX_QUEUE_BYTES);
    /** Received frames waiting for the pacer's next 20 ms tick. */
    private final org.strowger.misdn.internal.audio.RxPacer.Buffer received =
            new org.strowger.misdn.internal.audio.RxPacer.Buffer();
    private final org.strowger.misdn.internal.audio.RxPacer.Source paced = this::handOnOneFrame;
    private volatile ChannelLink link;

    // guarded by lock
    private Phase phase;
    private Call call;
    private int bChannel;
    private BChannel audio;
    private boolean audioWanted;
    private boolean hungUpByCore;
    /** The B-channel booked while layer 3 clears the call the core hung up (0: none); guarded by lock. */
    private int bookedUntilReleased;

    IsdnCall(CallContext context, Port port, boolean inbound, String number, int bChannel) {
        this.context = context;
        this.port = port;
        this.inbound = inbound;
        this.number = number;
        this.bChannel = bChannel;
        this.lock = context.channels().newPvtLock(CallContext.TECHNOLOGY);
        this.rx = new RxChunker(context.law());
        this.phase = inbound ? Phase.OFFERED : Phase.IDLE;
    }

    void attach(Call l3) {
        try (ChannelLock.Held held = lock.acquire()) {
            this.call = l3;
        }
    }

    /** Called by the core's driver-side factory, before any report. */
    public void link(ChannelLink newLink) {
        this.link = newLink;
        newLink.setFormats(List.of(context.law()));
    }

    /** The core's handle, null until the core made the channel. */
    public ChannelLink channelLink() {
        return link;
    }



    public int bChannel() {
        try (ChannelLock.Held held = lock.acquire()) {
            return bChannel;
        }
    }



    // --- the channel core asks (through IsdnDriverSide) ---------------------------------------------------

    void place() throws ChannelUnavailableException {
        try (ChannelLock.Held held = lock.acquire()) {
            if (inbound || phase != Phase.IDLE) {
                throw new ChannelUnavailableException(HangupCause.WRONG_CALL_STATE,
                        "mISDN call to " + number + " was already placed or is inbound");
            }
            phase = Phase.CALLING;
        }
        ChannelLink current = link;
        CallerId caller = current != null ? current.owner().callerId() : CallerId.UNKNOWN;
        if (current != null) {
            nameAfterThePort(current.owner());
        }
        int wanted = bChannel();
        Call placed = port.setup(new CallRequest(number, caller.number(), caller.name(), wanted, true), this);
        boolean abandon;
        try (ChannelLock.Held held = lock.acquire()) {
            call = placed;
            abandon = hungUpByCore;
        }
        if (abandon) {
            placed.disconnect(HangupCause.NORMAL_CLEARING.code());
        }
    }

    /**
     * The core named the channel after its dial string ({@code mISDN/1/2600-0000001a}); ISDN
     * channels are named after their port, in and out alike ({@code mISDN/1-0000001a}). Called
     * with no lock held, before the call is placed.
     */
    private void nameAfterThePort(org.strowger.channel.Channel owner) {
        String name = owner.name();
        int dash = name.lastIndexOf('-');
        if (dash < 0) {
            return;
        }
        String wanted = "mISDN/" + port.number() + name.substring(dash);
        try {
            context.channels().changeName(owner, wanted);
        } catch (IllegalStateException e) {
            LOG.debug("mISDN port {}: channel {} keeps its name: {}", port.number(), name, e.getMessage());
        }
    }

    void answer() {
        Call current;
        try (ChannelLock.Held held = lock.acquire()) {
            if (!inbound || phase != Phase.OFFERED || call == null) {
                return;
            }
            phase = Phase.ANSWERED;
            current = call;
        }
        current.connect();
        openAudio();
    }

    void indicate(Control control) {
        Call current;
        try (ChannelLock.Held held = lock.acquire()) {
            if (phase == Phase.ENDED || call == null) {
                return;
            }
            current = call;
        }
        switch (control) {
            case RINGING -> {
                if (inbound) {
                    current.alerting();
                }
            }
            case PROGRESS -> {
                if (inbound) {
                    current.progress();
                    openAudio();
                }
            }
            case PROCEEDING -> {
                // CALL PROCEEDING went out when the SETUP arrived
            }
            case BUSY -> current.disconnect(HangupCause.USER_BUSY.code());
            case CONGESTION -> current.disconnect(HangupCause.NORMAL_CIRCUIT_CONGESTION.code());
            default -> {
                // hold and the rest have no meaning on a basic call
            }
        }
    }

    /**
     * The core hangs the channel up (or the core refused an inbound call). Takes only the pvt lock;
     * DISCONNECT goes to layer 3, which sends and returns, and the B-channel is closed.
     */
    void hangup(HangupCause cause) {
        Call current;
        boolean lineStillUp;
        try (ChannelLock.Held held = lock.acquire()) {
            if (hungUpByCore) {
                return;
            }
            hungUpByCore = true;
            lineStillUp = phase != Phase.ENDED;
            phase = Phase.ENDED;
            current = call;
        }
        boolean clearing = lineStillUp && current != null;
        if (clearing) {
            current.disconnect(cause.code());
        }
        // while the line clears, layer 3 still holds the B-channel: so does the port's booking
        finish(clearing);
    }

    void write(VoiceFrame voice) {
        if (voice.codec() != context.law()) {
            // the core transcodes to the channel's format (the line law) before it writes: not ours
            LOG.debug("mISDN port {}: dropping a {} frame on a {} line", port.number(), voice.codec(), context.law());
            return;
        }
        byte[] payload = voice.payload();
        try {
            tx.offer(BitReversal.reversed(payload));
        } catch (IOException e) {
            LOG.debug("mISDN port {} B{}: send failed: {}", port.number(), bChannel(), e.toString());
        }
    }

    // --- layer 3 reports (card I/O or timer thread, no lock held) -----------------------------------------

    @Override
    public void proceeding() {
        if (!inbound) {
            report(ControlFrame.of(Control.PROCEEDING));
        }
    }

    @Override
    public void alerting() {
        if (!inbound) {
            report(ControlFrame.of(Control.RINGING));
        }
    }

    @Override
    public void progress() {
        if (!inbound) {
            openAudio();
            report(ControlFrame.of(Control.PROGRESS));
        }
    }

    @Override
    public void connected() {
        boolean answer;
        try (ChannelLock.Held held = lock.acquire()) {
            if (phase == Phase.ENDED) {
                return;
            }
            answer = !inbound && phase == Phase.CALLING;
            phase = Phase.ANSWERED;
        }
        openAudio();
        if (answer) {
            report(ControlFrame.of(Control.ANSWER));
        }
    }

    @Override
    public void information(String digits) {
        LOG.debug("mISDN port {}: ignoring overlap digits '{}' (en-bloc only)", port.number(), digits);
    }

    @Override
    public void released(int cause) {
        boolean tellCore;
        int booked;
        try (ChannelLock.Held held = lock.acquire()) {
            if (phase == Phase.ENDED && hungUpByCore) {
                booked = bookedUntilReleased;
                bookedUntilReleased = 0;
            } else {
                booked = -1;
            }
            tellCore = !hungUpByCore;
            phase = Phase.ENDED;
        }
        if (booked >= 0) {
            // our own clearing completed: the line gave the B-channel back
            port.free(booked);
            port.remove(this);
            return;
        }
        finish(false);
        ChannelLink current = link;
        if (tellCore && current != null) {
            current.farEndHangup(HangupCause.fromCodeOrClass(cause));
        }
    }

    private void report(ControlFrame frame) {
        ChannelLink current = link;
        if (current != null) {
            current.queueFrame(frame);
        }
    }

    // --- the B-channel ----------------------------------------------------------------------------------------

    /** Opens and activates the call's B-channel once (connected, or early media); no lock held while the card works. */
    private void openAudio() {
        int channel;
        try (ChannelLock.Held held = lock.acquire()) {
            if (audioWanted || phase == Phase.ENDED) {
                return;
            }
            audioWanted = true;
            if (call != null && call.bChannel() > 0 && call.bChannel() != bChannel) {
                channel = rebook(call.bChannel());
            } else {
                channel = bChannel;
            }
        }
        if (channel == 0) {
            LOG.warn("mISDN port {}: no B-channel for the call to {}", port.number(), number);
            return;
        }
        BChannel opened;
        try {
            opened = context.card().openB(port.number() - 1, channel, new AudioListener());
        } catch (IOException e) {
            LOG.warn("mISDN port {} B{}: cannot open: {}", port.number(), channel, e.getMessage());
            return;
        }
        boolean keep;
        try (ChannelLock.Held held = lock.acquire()) {
            keep = phase != Phase.ENDED;
            if (keep) {
                audio = opened;
            }
        }
        if (!keep) {
            opened.close();
            return;
        }
        tx.sink(opened::send);
        context.pacer().add(paced);
        boolean stillOpen;
        try (ChannelLock.Held held = lock.acquire()) {
            stillOpen = audio == opened;
        }
        if (!stillOpen) {
            // finish() ran between keeping the channel and wiring it: undo what it could not see
            tx.sink(null);
            context.pacer().remove(paced);
            return;
        }
        try {
            opened.activate();
        } catch (IOException e) {
            LOG.warn("mISDN port {} B{}: cannot activate: {}", port.number(), channel, e.getMessage());
        }
    }

    /** The layer agreed another B-channel than the one we booked: move the booking (under the lock). */
    private int rebook(int agreed) {
        int got = port.reserve(agreed);
        if (got != 0) {
            port.free(bChannel);
            bChannel = got;
        }
        return bChannel;
    }

    /**
     * Frees what the call holds, once: B-channel, booking, the port's list. With {@code lineClearing}
     * the booking and the port's list are kept until layer 3 reports the call released.
     */
    private void finish(boolean lineClearing) {
        BChannel open;
        int channel;
        try (ChannelLock.Held held = lock.acquire()) {
            open = audio;
            audio = null;
            channel = bChannel;
            bChannel = 0;
            if (lineClearing) {
                bookedUntilReleased = channel;
            }
        }
        tx.sink(null);
        context.pacer().remove(paced);
        if (open != null) {
            open.close();
        }
        if (!lineClearing) {
            port.free(channel);
            port.remove(this);
        }
        long dropped = tx.droppedBytes();
        if (dropped > 0 && channel != 0) {
            LOG.info("mISDN port {}: call to {} dropped {} bytes of outgoing audio (line slower than the source)",
                    port.number(), number, dropped);
        }
    }

    /** The pacer's tick: one received frame to the core, when one is due. */
    private void handOnOneFrame() {
        VoiceFrame frame = received.next();
        ChannelLink current = link;
        if (frame != null && current != null) {
            current.queueFrame(frame);
        }
    }

    private final class AudioListener implements BChannel.Listener {

        @Override
        public void activated(boolean active) {
            try (CallLogContext scope = CallLogContext.enter(link)) {
                LOG.debug("mISDN port {}: B-channel {}", port.number(), active ? "active" : "inactive");
            }
        }

        @Override
        public void received(byte[] wire) {
            received.add(rx.accept(wire));
        }

        @Override
        public void sent() {
            try {
                tx.sent();
            } catch (IOException e) {
                LOG.debug("mISDN port {}: send failed: {}", port.number(), e.toString());
            }
        }

        @Override
        public void failed(IOException why) {
            try (CallLogContext scope = CallLogContext.enter(link)) {
                LOG.warn("mISDN port {}: B-channel failed: {}", port.number(), why.getMessage());
            }
            tx.sink(null);
        }
    }
}
