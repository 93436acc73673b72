package org.strowger.misdn.internal.call;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.CallerId;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.HangupCause;
import org.strowger.channel.InboundCall;
import org.strowger.misdn.PortStatus;
import org.strowger.misdn.internal.config.PortSpec;
import org.strowger.misdn.internal.l3.Call;
import org.strowger.misdn.internal.l3.CallRequest;
import org.strowger.misdn.internal.l3.IncomingSetup;
import org.strowger.misdn.internal.l3.Layer3;
import org.strowger.misdn.internal.l3.LinkState;

/**
 * One configured port at run time: its layer 3, which B-channels its calls hold, its link state
 * for the console, and the inbound calls it hands the channel core. B-channel bookkeeping is
 * lock-free so that a driver side's hangup (which may take only its pvt lock) can free one.
 */
public final class Port implements Layer3.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(Port.class);

    private final PortSpec spec;
    private final String name;
    private final CallContext context;
    /** Per B-channel (index n-1): 1 while a call holds it. */
    private final AtomicIntegerArray busy;
    private final Set<IsdnCall> calls = ConcurrentHashMap.newKeySet();
    private volatile Layer3 layer3;
    /** The port's D-channel on the card, closed with the port (a port removed live frees it for reuse). */
    private volatile org.strowger.misdn.card.DChannel dChannel;
    private volatile LinkState link = new LinkState(false, false, 0);
    private volatile boolean tracing;

    public Port(PortSpec spec, String name, int bChannels, CallContext context) {
        this.spec = spec;
        this.name = name;
        this.context = context;
        this.busy = new AtomicIntegerArray(bChannels);
    }

    /** Set once, right after the layer is made (the layer needs this port as its listener first). */
    public void dChannel(org.strowger.misdn.card.DChannel d) {
        this.dChannel = d;
    }

    public void layer3(Layer3 layer) {
        this.layer3 = layer;
    }

    public PortSpec spec() {
        return spec;
    }

    public int number() {
        return spec.port();
    }

    public void trace(boolean on) {
        tracing = on;
    }

    public boolean tracing() {
        return tracing;
    }

    // --- B-channels ---------------------------------------------------------------------------------------

    public int bChannels() {
        return busy.length();
    }

    public int bChannelsInUse() {
        int n = 0;
        for (int i = 0; i < busy.length(); i++) {
            n += busy.get(i);
        }
        return n;
    }

    /** Takes B-channel {@code channel} (1-based) if it is free; returns it, or 0. */
    int reserve(int channel) {
        return channel >= 1 && channel <= busy.length() && busy.compareAndSet(channel - 1, 0, 1) ? channel : 0;
    }

    /** Takes the lowest free B-channel; returns it (1-based), or 0 when all are taken. */
    public int reserveAny() {
        for (int i = 0; i < busy.length(); i++) {
            if (busy.compareAndSet(i, 0, 1)) {
                return i + 1;
            }
        }
        return 0;
    }

    void free(int channel) {
        if (channel >= 1 && channel <= busy.length()) {
            busy.set(channel - 1, 0);
        }
    }

    // --- calls ----------------------------------------------------------------------------------------------

    Call setup(CallRequest request, IsdnCall listener) {
        return layer3.setup(request, new CallLogListener(listener));
    }

    void add(IsdnCall call) {
        calls.add(call);
    }

    void remove(IsdnCall call) {
        calls.remove(call);
    }

    public List<IsdnCall> calls() {
        return List.copyOf(calls);
    }

    /** An outbound call's private state, holding B-channel {@code bChannel} (already reserved). */
    public IsdnCall outbound(String number, int bChannel) {
        IsdnCall call = new IsdnCall(context, this, false, number, bChannel);
        calls.add(call);
        return call;
    }

    // --- Layer3.Listener ------------------------------------------------------------------------------------

    @Override
    public void incoming(Call call, IncomingSetup setup) {
        if (!setup.speech()) {
            LOG.info("mISDN port {}: refusing a data call from '{}' (bearer not speech)", number(), setup.callingNumber());
            call.disconnect(HangupCause.BEARERCAPABILITY_NOTIMPL.code());
            return;
        }
        int bChannel = setup.bChannel() > 0 ? reserve(setup.bChannel()) : reserveAny();
        if (bChannel == 0) {
            HangupCause cause = setup.bChannel() > 0 ? HangupCause.REQUESTED_CHAN_UNAVAIL
                    : HangupCause.NORMAL_CIRCUIT_CONGESTION;
            LOG.info("mISDN port {}: refusing a call to '{}': {}", number(), setup.calledNumber(), cause);
            call.disconnect(cause.code());
            return;
        }
        if (!setup.sendingComplete()) {
            // overlap receiving: collect the number first, then go on as an en-bloc call
            new OverlapReceiver(call, setup.calledNumber(), context.timers(), context.overlapTimeout(),
                    number -> {
                        LOG.info("mISDN port {}: overlap dialling complete: '{}'", number(), number);
                        accept(call, new IncomingSetup(number, setup.callingNumber(), setup.callingName(),
                                setup.bChannel(), true, setup.speech()), bChannel);
                    },
                    () -> free(bChannel)).start();
            return;
        }
        accept(call, setup, bChannel);
    }

    /** A complete incoming call: to the channel core, which hands it to the dialplan. */
    private void accept(Call call, IncomingSetup setup, int bChannel) {
        IsdnCall isdn = new IsdnCall(context, this, true, setup.calledNumber(), bChannel);
        isdn.attach(call);
        calls.add(isdn);
        call.listen(new CallLogListener(isdn));
        call.proceeding();
        try {
            context.channels().createInbound(
                    new InboundCall(CallContext.TECHNOLOGY, String.valueOf(number()),
                            new CallerId(setup.callingNumber(), setup.callingName()), setup.calledNumber(),
                            spec.context()),
                    link -> {
                        isdn.link(link);
                        return new IsdnDriverSide(isdn);
                    });
        } catch (ChannelUnavailableException e) {
            LOG.warn("mISDN port {}: call to '{}' refused by the core: {}", number(), setup.calledNumber(), e.getMessage());
            isdn.hangup(e.hangupCause());
        }
    }

    @Override
    public void linkChanged(LinkState state) {
        LinkState before = link;
        link = state;
        if (before.layer1Active() != state.layer1Active() || before.layer2Established() != state.layer2Established()) {
            LOG.info("mISDN port {}: layer 1 {}, layer 2 {}", number(), state.layer1Active() ? "up" : "down",
                    state.layer2Established() ? "up" : "down");
        }
    }

    public PortStatus status() {
        LinkState state = link;
        return new PortStatus(number(), name, spec.role().name(), spec.pointToMultipoint(), state.layer1Active(),
                state.layer2Established(), bChannels(), bChannelsInUse(), spec.groups(), spec.context());
    }

    /** Closes the layer (its calls are released towards us) and then the port's D-channel. */
    public void close() {
        Layer3 layer = layer3;
        if (layer != null) {
            layer.close();
        }
        org.strowger.misdn.card.DChannel d = dChannel;
        if (d != null) {
            d.close();
        }
    }
}
