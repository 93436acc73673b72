package org.strowger.sip.internal;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.sip.SipException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.ComponentContext;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.DriverSide;
import org.strowger.sip.DialogInfo;
import org.strowger.sip.EndpointStatus;
import org.strowger.sip.MediaStatistics;
import org.strowger.sip.RegistrationInfo;
import org.strowger.sip.SipAdmin;
import org.strowger.sip.internal.auth.DigestAlgorithm;
import org.strowger.sip.internal.auth.ThrottleSettings;
import org.strowger.sip.internal.config.AuthSettings;
import org.strowger.sip.internal.config.ListeningSettings;
import org.strowger.sip.internal.config.SipConfig;
import org.strowger.sip.internal.endpoint.Endpoint;
import org.strowger.sip.internal.endpoint.EndpointComponent;
import org.strowger.sip.internal.endpoint.EndpointRegistry;
import org.strowger.sip.internal.qualify.Qualifier;
import org.strowger.sip.internal.registrar.RegisterHandler;
import org.strowger.sip.internal.registrar.Registrar;
import org.strowger.sip.internal.router.SipRouter;
import org.strowger.sip.internal.rtp.RtpEngine;
import org.strowger.sip.internal.security.DemoSecretsCheck;
import org.strowger.sip.internal.security.RequestGuard;
import org.strowger.sip.internal.session.CallRegistry;
import org.strowger.sip.internal.session.InboundCalls;
import org.strowger.sip.internal.session.OutboundCalls;
import org.strowger.sip.internal.session.Placeholders;
import org.strowger.sip.internal.session.SessionContext;
import org.strowger.sip.internal.session.SessionEvents;
import org.strowger.sip.internal.session.SipCall;
import org.strowger.sip.internal.session.Transfers;
import org.strowger.sip.internal.stack.MessageTrace;
import org.strowger.sip.internal.stack.SipFactories;
import org.strowger.sip.internal.stack.SipMessages;
import org.strowger.sip.internal.stack.SipTransports;
import org.strowger.transfer.TransferService;

/**
 * The SIP channel technology: wires the layers together when configured (PID
 * {@code org.strowger.sip}) and takes them down when the configuration or the bundle goes.
 * Registration and authentication settings change on the running driver; a change to what the
 * sockets are made of ({@link ListeningSettings}) restarts it.
 */
@Component(service = {ChannelTechnology.class, SipAdmin.class}, configurationPid = SipDriver.PID,
        configurationPolicy = ConfigurationPolicy.REQUIRE, immediate = true,
        property = ChannelTechnology.TECHNOLOGY_PROPERTY + "=SIP")
@Designate(ocd = SipConfig.class)
public class SipDriver implements ChannelTechnology, SipAdmin {

    public static final String PID = "org.strowger.sip";
    private static final Logger LOG = LoggerFactory.getLogger(SipDriver.class);

    private final EndpointRegistry endpoints = new EndpointRegistry();
    private final MessageTrace trace = new MessageTrace();
    private final Placeholders placeholders = new Placeholders();
    private final CallRegistry calls = new CallRegistry();
    private final ChannelService channels;
    private final Registrar registrar;
    private final Qualifier qualifier;
    private final RtpEngine rtp;
    private final ScheduledExecutorService timers;
    private final SipTransports transports;
    private final OutboundCalls outbound;
    private final SipRouter router;
    private final ListeningSettings listening;
    /** The authentication settings of the router's guard; written by {@link #modified} only (SCR calls it in turn). */
    private AuthSettings auth;
    /** A restart was asked for: this instance is going, later changes are the next one's. */
    private final AtomicBoolean restarting = new AtomicBoolean();

    /** REFER and INVITE/Replaces ask it to move calls; without it REFER gets a final NOTIFY 503. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    volatile TransferService transferService;

    @Activate
    public SipDriver(SipConfig config, @Reference ChannelService channels) throws Exception {
        this.channels = channels;
        Clock clock = Clock.systemUTC();
        this.registrar = new Registrar(clock, config.defaultExpires(), config.minExpires(), config.maxExpires());
        InetAddress bind = InetAddress.getByName(config.bindAddress());
        String advertised = config.externalAddress().isBlank() ? bind.getHostAddress() : config.externalAddress().trim();
        SipMessages messages = new SipMessages(SipFactories.create(config.userAgent()), advertised, config.port(), trace);
        this.qualifier = new Qualifier(messages, endpoints, registrar);
        this.rtp = new RtpEngine(bind, config.rtpPortMin(), config.rtpPortMax(), Math.max(1, config.rtpIoThreads()));
        this.timers = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "strowger-sip-timers");
            thread.setDaemon(true);
            return thread;
        });
        RequestGuard guard = guard(config);
        SessionContext context = new SessionContext(messages, rtp, calls, channels);
        Supplier<Optional<TransferService>> transferServices = () -> Optional.ofNullable(transferService);
        Transfers transfers = new Transfers(context, transferServices);
        this.router = new SipRouter(messages, endpoints, guard, new RegisterHandler(registrar, messages),
                new InboundCalls(context, placeholders, transferServices), new SessionEvents(context, transfers),
                qualifier);
        this.outbound = new OutboundCalls(context, endpoints, registrar);
        rtp.start();
        try {
            this.transports = new SipTransports(bind.getHostAddress(), config.port(), transports(config.transports()),
                    config.sipThreads(), router);
        } catch (SipException | RuntimeException e) {
            rtp.stop();
            timers.shutdownNow();
            LOG.error("SIP driver cannot start on {}:{}: {}", config.bindAddress(), config.port(), e.getMessage());
            throw e;
        }
        messages.bind(transports);
        timers.scheduleWithFixedDelay(this::housekeeping, 1, 1, TimeUnit.SECONDS);
        LOG.info("SIP driver listening on {}; RTP ports {}-{} on {}", transports.describe(), config.rtpPortMin(),
                config.rtpPortMax(), bind.getHostAddress());
        DemoSecretsCheck.warnIfExposed(bind, endpoints.all());
        this.bindAddress = bind;
        this.listening = ListeningSettings.of(config);
        this.auth = AuthSettings.of(config);
    }

    private static RequestGuard guard(SipConfig config) {
        return new RequestGuard(config.realm(), algorithms(config.authAlgorithms()), Clock.systemUTC(),
                new ThrottleSettings(config.authMaxFailures(), Duration.ofSeconds(config.authFailureWindowSeconds()),
                        Duration.ofSeconds(config.authBlockSeconds()), ThrottleSettings.DEFAULT_MAX_TRACKED_SOURCES));
    }

    /**
     * A configuration change. Registration expiries and authentication (realm, algorithms,
     * throttle) apply at once and the calls go on. A change to the listening settings (address,
     * port, transports, RTP ports, threads, User-Agent) restarts the driver: its calls end with
     * cause 38 and the sockets are made anew. A refused value leaves the running settings alone.
     */
    @Modified
    void modified(SipConfig config, ComponentContext component) {
        ListeningSettings wanted = ListeningSettings.of(config);
        if (!wanted.equals(listening)) {
            if (!restarting.compareAndSet(false, true)) {
                return; // the restarted driver reads the configuration as it is then
            }
            String name = (String) component.getProperties().get(org.osgi.service.component.ComponentConstants.COMPONENT_NAME);
            LOG.info("SIP listening settings changed ({}): the driver restarts and its {} call(s) end",
                    wanted.differencesFrom(listening), calls.all().size());
            // the service goes and comes back; from another thread, once SCR has finished this call
            Thread restart = new Thread(() -> {
                component.disableComponent(name);
                component.enableComponent(name);
            }, "strowger-sip-restart");
            restart.setDaemon(true);
            restart.start();
            return;
        }
        AuthSettings wantedAuth = AuthSettings.of(config);
        RequestGuard newGuard = null;
        try {
            if (!wantedAuth.equals(auth)) {
                newGuard = guard(config);
            }
            registrar.setExpiries(config.defaultExpires(), config.minExpires(), config.maxExpires());
        } catch (IllegalArgumentException e) {
            LOG.error("SIP configuration ({}) refused, the running settings stay: {}", PID, e.getMessage());
            return;
        }
        if (newGuard != null) {
            // a new guard forgets the nonces and blocked sources of the old one: only when auth changed
            router.guard(newGuard);
            auth = wantedAuth;
        }
        LOG.info("SIP settings updated live (realm {}, algorithms {}, expiries {}/{}/{} s); {} call(s) go on",
                config.realm(), config.authAlgorithms(), config.minExpires(), config.defaultExpires(),
                config.maxExpires(), calls.all().size());
    }

    private final InetAddress bindAddress;

    private void housekeeping() {
        try {
            registrar.sweep(name -> endpoints.byName(name).isPresent());
            qualifier.tick();
        } catch (RuntimeException e) {
            LOG.warn("SIP housekeeping failed", e);
        }
    }

    @Deactivate
    void deactivate() {
        timers.shutdownNow();
        for (SipCall call : calls.all()) {
            call.link().ifPresent(link -> channels.hangup(link.owner(), org.strowger.channel.HangupCause.NETWORK_OUT_OF_ORDER));
        }
        transports.close();
        rtp.stop();
        LOG.info("SIP driver stopped");
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void addEndpoint(EndpointComponent component) {
        putEndpoint(component.endpoint());
    }

    void updatedEndpoint(EndpointComponent component) {
        putEndpoint(component.endpoint());
    }

    void removeEndpoint(EndpointComponent component) {
        endpoints.remove(component.endpoint().name());
        LOG.info("SIP endpoint {} removed", component.endpoint().name());
    }

    private void putEndpoint(Endpoint endpoint) {
        try {
            boolean replaced = endpoints.put(endpoint).isPresent();
            trace.set(endpoint.name(), endpoint.trace());
            LOG.info("SIP endpoint {} {} ({}, context {})", endpoint.name(), replaced ? "updated" : "added",
                    endpoint.kind().toString().toLowerCase(Locale.ROOT), endpoint.context());
            if (bindAddress != null) {
                DemoSecretsCheck.warnIfExposed(bindAddress, List.of(endpoint));
            }
        } catch (IllegalArgumentException e) {
            LOG.error("SIP endpoint refused: {}", e.getMessage());
        }
    }

    // --- ChannelTechnology ------------------------------------------------------------------------------

    @Override
    public String description() {
        return "SIP (RFC 3261) over " + String.join(", ", transports.describe());
    }

    @Override
    public DriverSide request(String resource, ChannelLink link) throws ChannelUnavailableException {
        Optional<DriverSide> placeholder = placeholders.claim(resource, link);
        if (placeholder.isPresent()) {
            return placeholder.get();
        }
        return outbound.request(resource, link);
    }

    // --- SipAdmin ---------------------------------------------------------------------------------------------

    @Override
    public List<EndpointStatus> endpoints() {
        return endpoints.all().stream().map(this::status).toList();
    }

    @Override
    public Optional<EndpointStatus> endpoint(String name) {
        return endpoints.byName(name).map(this::status);
    }

    private EndpointStatus status(Endpoint endpoint) {
        Optional<String> contact = endpoint.isDynamic()
                ? registrar.latest(endpoint.name()).map(b -> b.contact())
                : endpoint.staticAddress().map(a -> a.getAddress().getHostAddress() + ":" + a.getPort());
        Qualifier.Status status = qualifier.status(endpoint);
        return new EndpointStatus(endpoint.name(), endpoint.context(), endpoint.kind(), contact, status.reachability(),
                status.roundTripMillis(), endpoint.requiresAuthentication(), trace.isTraced(endpoint.name()));
    }

    @Override
    public List<RegistrationInfo> registrations() {
        return registrar.all().stream()
                .map(b -> new RegistrationInfo(b.endpoint(), b.contact(), b.source(), b.expiresAt(), b.userAgent()))
                .toList();
    }

    @Override
    public List<DialogInfo> dialogs() {
        List<DialogInfo> dialogs = new ArrayList<>();
        for (SipCall call : calls.all()) {
            String channel = call.link().map(link -> link.owner().name()).orElse("");
            dialogs.add(new DialogInfo(call.callId(), call.endpoint().name(), call.isInbound() ? "inbound" : "outbound",
                    call.stateName(), channel, call.remote(), call.describeMedia(), call.isOnHold()));
        }
        return dialogs;
    }

    @Override
    public boolean trace(String endpoint, boolean on) {
        if (endpoints.byName(endpoint).isEmpty()) {
            return false;
        }
        trace.set(endpoint, on);
        return true;
    }

    @Override
    public MediaStatistics mediaStatistics() {
        var stats = rtp.stats();
        return new MediaStatistics(stats.openSessions(), stats.packetsIn(), stats.packetsOut(), stats.packetsLost(),
                stats.lateOrDuplicate(), stats.badPackets());
    }

    @Override
    public List<String> listeningPoints() {
        return transports.describe();
    }

    private static List<String> transports(String text) {
        List<String> list = Arrays.stream(text.split("[,\\s]+")).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).distinct().toList();
        for (String transport : list) {
            if (!transport.equals("udp") && !transport.equals("tcp")) {
                throw new IllegalArgumentException("SIP transport '" + transport + "' is not udp or tcp");
            }
        }
        return list;
    }

    private static List<DigestAlgorithm> algorithms(String text) {
        List<DigestAlgorithm> list = new ArrayList<>();
        for (String name : text.split("[,\\s]+")) {
            if (name.isEmpty()) {
                continue;
            }
            list.add(Arrays.stream(DigestAlgorithm.values()).filter(a -> a.token().equalsIgnoreCase(name))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "digest algorithm '" + name + "' is not MD5 or SHA-256")));
        }
        if (list.isEmpty()) {
            throw new IllegalArgumentException("authAlgorithms must name MD5, SHA-256 or both");
        }
        return list;
    }
}
