package org.strowger.misdn.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.ComponentConstants;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.channel.HangupCause;
import org.strowger.misdn.MisdnAdmin;
import org.strowger.misdn.PortStatus;
import org.strowger.misdn.card.Card;
import org.strowger.misdn.internal.audio.RxPacer;
import org.strowger.misdn.card.DChannel;
import org.strowger.misdn.card.MisdnUnavailableException;
import org.strowger.misdn.card.PortInfo;
import org.strowger.misdn.internal.call.CallContext;
import org.strowger.misdn.internal.call.IsdnCall;
import org.strowger.misdn.internal.call.IsdnDriverSide;
import org.strowger.misdn.internal.call.Port;
import org.strowger.misdn.internal.config.DialString;
import org.strowger.misdn.internal.config.MisdnConfig;
import org.strowger.misdn.internal.config.MisdnSettings;
import org.strowger.misdn.internal.config.PortSpec;
import org.strowger.misdn.internal.l3.Layer3;

/**
 * The mISDN channel technology: opens the card and one Q.931 layer per configured port (PID
 * {@code org.strowger.misdn}; without a configuration the demo's defaults), and takes them down
 * when the configuration or the bundle goes. Without mISDN in the kernel, or with a bad
 * configuration, it stays registered and refuses calls with a cause that says why.
 */
@Component(service = {ChannelTechnology.class, MisdnAdmin.class}, configurationPid = MisdnDriver.PID,
        configurationPolicy = ConfigurationPolicy.OPTIONAL, immediate = true,
        property = ChannelTechnology.TECHNOLOGY_PROPERTY + "=mISDN")
@Designate(ocd = MisdnConfig.class)
public class MisdnDriver implements ChannelTechnology, MisdnAdmin {

    public static final String PID = "org.strowger.misdn";
    private static final Logger LOG = LoggerFactory.getLogger(MisdnDriver.class);
    /** Q.931 messages of traced ports. */
    private static final Logger TRACE = LoggerFactory.getLogger("org.strowger.misdn.trace");

    private final ChannelService channels;
    /** Port number to port, in configuration order; replaced whole on a live change (readers take a snapshot). */
    private volatile Map<Integer, Port> ports = Map.of();
    private final ScheduledExecutorService timers;
    /** Paces received audio to the core, 20 ms a frame; made with the card (none without one). */
    private final RxPacer pacer;
    private final Card card;
    private final String unavailableReason;
    /** What ports are opened with; null when no card opened. */
    private final CallContext callContext;
    private final Layer3Factory layers;
    /** A restart was asked for: this instance is going, later changes are the next one's. */
    private final java.util.concurrent.atomic.AtomicBoolean restarting = new java.util.concurrent.atomic.AtomicBoolean();
    /** The settings running now (null after a refused configuration); guarded by this. */
    private MisdnSettings running;

    @Activate
    public MisdnDriver(MisdnConfig config, @Reference ChannelService channels) {
        this(() -> MisdnSettings.of(config), channels, CardOpener.CARDS, Q931Layers::create);
    }

    /**
     * @param settings the checked configuration; an {@link IllegalArgumentException} from it is a
     *        configuration error: logged, and the driver offers no ports
     */
    public MisdnDriver(Supplier<MisdnSettings> settings, ChannelService channels, CardOpener cards,
            Layer3Factory layers) {
        this.channels = channels;
        this.layers = layers;
        MisdnSettings checked;
        try {
            checked = settings.get();
        } catch (IllegalArgumentException e) {
            LOG.error("mISDN configuration ({}) refused, no ports offered: {}", PID, e.getMessage());
            this.card = null;
            this.timers = null;
            this.pacer = null;
            this.callContext = null;
            this.unavailableReason = "bad configuration: " + e.getMessage();
            return;
        }
        Card opened = null;
        String reason = "";
        try {
            opened = cards.open(checked);
        } catch (MisdnUnavailableException e) {
            reason = unavailable(e);
            LOG.error("{}: no mISDN ports; calls to mISDN/... are refused", reason);
        } catch (IOException | RuntimeException e) {
            reason = "mISDN card cannot open: " + e.getMessage();
            LOG.error("{}; calls to mISDN/... are refused", reason);
        }
        this.card = opened;
        this.unavailableReason = reason;
        this.running = checked;
        if (opened == null) {
            this.timers = null;
            this.pacer = null;
            this.callContext = null;
            return;
        }
        this.pacer = new RxPacer();
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strowger-misdn-timers");
            thread.setDaemon(true);
            return thread;
        });
        this.callContext = new CallContext(channels, opened, checked.law(), pacer, timers);
        Map<Integer, Port> opening = new LinkedHashMap<>();
        for (PortSpec spec : checked.ports()) {
            openPort(opened, callContext, spec, layers).ifPresent(port -> opening.put(spec.port(), port));
        }
        this.ports = java.util.Collections.unmodifiableMap(opening);
        LOG.info("mISDN driver ready on the {} card: {}", opened.simulated() ? "simulated" : "hardware",
                ports.isEmpty() ? "no ports" : ports.values().stream().map(MisdnDriver::describe)
                        .collect(Collectors.joining("; ")));
    }

    private java.util.Optional<Port> openPort(Card opened, CallContext context, PortSpec spec, Layer3Factory layers) {
        PortInfo info = opened.ports().stream().filter(p -> p.id() == spec.deviceId()).findFirst().orElse(null);
        if (info == null) {
            LOG.error("ports: port {} is not on the card (it has ports 1..{}); port left out", spec.port(),
                    opened.ports().size());
            return java.util.Optional.empty();
        }
        boolean capable = switch (spec.role()) {
            case TE -> info.teCapable();
            case NT -> info.ntCapable();
        };
        if (!capable) {
            LOG.error("ports: port {} ({}) cannot play {} (only HFC chips offer NT); port left out", spec.port(),
                    info.name(), spec.role());
            return java.util.Optional.empty();
        }
        Port port = new Port(spec, info.name(), info.bChannels(), context);
        Layer3 layer = null;
        try {
            // the port says what it is: the primaryRate setting makes the simulated card's ports E1, never a real one
            layer = layers.create(spec, info.primaryRate(), timers, port, traceOf(port));
            port.layer3(layer);
            DChannel d = opened.openD(spec.deviceId(), spec.role(), spec.pointToMultipoint(), layer);
            layer.attach(d);
            port.dChannel(d);
            return java.util.Optional.of(port);
        } catch (IOException | RuntimeException e) {
            LOG.error("ports: port {} ({}) cannot open its D-channel as {}: {}; port left out", spec.port(),
                    info.name(), spec.role(), e.getMessage());
            if (layer != null) {
                layer.close();
            }
            return java.util.Optional.empty();
        }
    }

    private static Consumer<String> traceOf(Port port) {
        return line -> {
            if (port.tracing()) {
                TRACE.info("port {}: {}", port.number(), line);
            }
        };
    }

    private static String unavailable(MisdnUnavailableException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return message.startsWith("mISDN unavailable") ? message : "mISDN unavailable (" + message + ")";
    }

    private static String describe(Port port) {
        PortSpec spec = port.spec();
        return "port " + spec.port() + " " + spec.role() + (spec.pointToMultipoint() ? " ptmp" : " ptp")
                + (spec.groups().isEmpty() ? "" : " groups " + spec.groups()) + " context " + spec.context();
    }

    /** What a configuration change needs. */
    public enum Change { NONE, PORTS, RESTART, REFUSED }

    /**
     * A configuration change. Ports added, removed or changed apply to the running driver: a
     * removed or changed port's calls end with cause 38, and the other ports' calls go on. A
     * change to the card, its simulated ports or the line law restarts the driver (every call
     * ends); a refused value leaves the running settings alone.
     */
    @Modified
    void modified(MisdnConfig config, ComponentContext component) {
        if (apply(() -> MisdnSettings.of(config)) == Change.RESTART && restarting.compareAndSet(false, true)) {
            String name = (String) component.getProperties().get(ComponentConstants.COMPONENT_NAME);
            // the service goes and comes back; from another thread, once SCR has finished this call
            Thread restart = new Thread(() -> {
                component.disableComponent(name);
                component.enableComponent(name);
            }, "strowger-misdn-restart");
            restart.setDaemon(true);
            restart.start();
        }
    }

    /** Applies new settings where the running card allows; says what it did or that a restart is needed. */
    public synchronized Change apply(Supplier<MisdnSettings> settings) {
        MisdnSettings wanted;
        try {
            wanted = settings.get();
        } catch (IllegalArgumentException e) {
            LOG.error("mISDN configuration ({}) refused, the running settings stay: {}", PID, e.getMessage());
            return Change.REFUSED;
        }
        if (running == null || card == null || !sameCard(running, wanted)) {
            LOG.info("mISDN card settings changed: the driver restarts and its {} call(s) end", callCount());
            return Change.RESTART;
        }
        Map<Integer, PortSpec> wantedSpecs = new LinkedHashMap<>();
        wanted.ports().forEach(spec -> wantedSpecs.put(spec.port(), spec));
        Map<Integer, Port> next = new LinkedHashMap<>();
        List<String> changes = new ArrayList<>();
        for (Port port : ports.values()) {
            PortSpec spec = wantedSpecs.get(port.number());
            if (spec == null || !spec.equals(port.spec())) {
                changes.add((spec == null ? "port " + port.number() + " removed" : "port " + port.number() + " changed")
                        + (port.calls().isEmpty() ? "" : " (" + port.calls().size() + " call(s) ended)"));
                closePort(port);
            }
        }
        for (PortSpec spec : wanted.ports()) {
            Port kept = ports.get(spec.port());
            if (kept != null && spec.equals(kept.spec())) {
                next.put(spec.port(), kept);
            } else {
                openPort(card, callContext, spec, layers).ifPresent(port -> {
                    next.put(spec.port(), port);
                    if (!ports.containsKey(spec.port())) {
                        changes.add("port " + spec.port() + " added: " + describe(port));
                    }
                });
            }
        }
        ports = java.util.Collections.unmodifiableMap(next);
        running = wanted;
        if (changes.isEmpty()) {
            return Change.NONE;
        }
        LOG.info("mISDN ports updated live: {}; the other ports' calls go on", String.join("; ", changes));
        return Change.PORTS;
    }

    private static boolean sameCard(MisdnSettings a, MisdnSettings b) {
        return a.hardware() == b.hardware() && a.simulatedPairs() == b.simulatedPairs()
                && a.primaryRate() == b.primaryRate() && a.tick().equals(b.tick()) && a.law() == b.law();
    }

    private int callCount() {
        return ports.values().stream().mapToInt(port -> port.calls().size()).sum();
    }

    /** Hangs the port's channels up with cause 38 and closes its D-channel layer. */
    private void closePort(Port port) {
        for (IsdnCall call : port.calls()) {
            ChannelLink link = call.channelLink();
            if (link != null) {
                channels.hangup(link.owner(), HangupCause.NETWORK_OUT_OF_ORDER);
            }
        }
        port.close();
    }

    @Deactivate
    public void deactivate() {
        for (Port port : ports.values()) {
            closePort(port);
        }
        if (card != null) {
            card.close();
        }
        if (timers != null) {
            timers.shutdownNow();
            try {
                // a stopped driver leaves no thread: wait for the timer thread to be gone
                if (!timers.awaitTermination(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    LOG.warn("mISDN timer thread did not stop within 2 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (pacer != null) {
            pacer.close();
        }
        LOG.info("mISDN driver stopped");
    }

    // --- ChannelTechnology ------------------------------------------------------------------------------

    @Override
    public String description() {
        if (!available()) {
            return "mISDN: " + unavailableReason;
        }
        return "mISDN (Q.931 basic call) on " + ports.size() + " port" + (ports.size() == 1 ? "" : "s") + " of the "
                + (card.simulated() ? "simulated" : "hardware") + " card";
    }

    @Override
    public DriverSide request(String resource, ChannelLink link) throws ChannelUnavailableException {
        if (!available()) {
            throw new ChannelUnavailableException(HangupCause.CHAN_NOT_IMPLEMENTED, unavailableReason);
        }
        DialString dial;
        try {
            dial = DialString.parse(resource);
        } catch (IllegalArgumentException e) {
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, e.getMessage());
        }
        List<Port> candidates = candidates(dial);
        for (Port port : candidates) {
            int bChannel = port.reserveAny();
            if (bChannel > 0) {
                IsdnCall call = port.outbound(dial.number(), bChannel);
                call.link(link);
                return new IsdnDriverSide(call);
            }
        }
        throw new ChannelUnavailableException(HangupCause.NORMAL_CIRCUIT_CONGESTION, "mISDN/" + dial + ": every B-channel of "
                + (dial.byGroup() ? "group " + dial.group() : "port " + dial.port()) + " is in use");
    }

    private List<Port> candidates(DialString dial) throws ChannelUnavailableException {
        if (!dial.byGroup()) {
            Port port = ports.get(dial.port());
            if (port == null) {
                throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, "mISDN/" + dial + ": no port "
                        + dial.port() + " (ports: " + ports.keySet() + ", see misdn:ports)");
            }
            return List.of(port);
        }
        List<Port> inGroup = new ArrayList<>();
        for (Port port : ports.values()) {
            if (port.spec().groups().contains(dial.group())) {
                inGroup.add(port);
            }
        }
        if (inGroup.isEmpty()) {
            throw new ChannelUnavailableException(HangupCause.INVALID_NUMBER_FORMAT, "mISDN/" + dial + ": no port in group '"
                    + dial.group() + "' (see misdn:ports)");
        }
        return inGroup;
    }

    // --- MisdnAdmin ---------------------------------------------------------------------------------------------

    @Override
    public boolean available() {
        return card != null;
    }

    @Override
    public String unavailableReason() {
        return unavailableReason;
    }

    @Override
    public boolean simulated() {
        return card != null && card.simulated();
    }

    @Override
    public List<PortStatus> ports() {
        return ports.values().stream().map(Port::status).toList();
    }

    @Override
    public boolean trace(int port, boolean on) {
        Port found = ports.get(port);
        if (found == null) {
            return false;
        }
        found.trace(on);
        return true;
    }

    @Override
    public boolean tracing(int port) {
        Port found = ports.get(port);
        return found != null && found.tracing();
    }

    @Override
    public boolean simulateCable(int port, boolean plugged) {
        if (!(card instanceof org.strowger.misdn.card.SimulatedCard simulated)) {
            throw new IllegalStateException(card == null ? "mISDN is not available"
                    : "the cable of a hardware port cannot be pulled from the console");
        }
        if (ports().stream().noneMatch(status -> status.port() == port)) {
            return false;
        }
        if (plugged) {
            simulated.replug(port - 1);
        } else {
            simulated.unplug(port - 1);
        }
        LOG.warn("Simulated cable of port {} {}", port, plugged ? "plugged back in" : "pulled");
        return true;
    }
}
