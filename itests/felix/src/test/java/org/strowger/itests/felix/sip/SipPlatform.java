package org.strowger.itests.felix.sip;

import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.junit.Assume.assumeTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import javax.inject.Inject;

import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.service.cm.ConfigurationAdmin;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.HangupCause;
import org.strowger.itests.felix.Await;
import org.strowger.itests.felix.FelixContainer;
import org.strowger.itests.felix.StrowgerArtifacts;
import org.strowger.sip.DialogInfo;
import org.strowger.sip.RegistrationInfo;
import org.strowger.sip.SipAdmin;

/**
 * The platform every SIP integration test runs against: the real SIP driver in native Felix
 * (channel core, dialplan, JAIN-SIP, the driver, the transfer features, ConfigAdmin), configured once per container, and
 * the helpers the tests share (sipp runs, the driver's state, the end-of-test checks).
 *
 * <p>The driver is configured through ConfigAdmin (PID {@code org.strowger.sip} on a free port,
 * factory PID {@code org.strowger.sip.endpoint} for alice, bob, carol, loadgen and loadsink).
 * Qualify is off for every endpoint: an OPTIONS ping reaching a sipp UAS would start a call the
 * scenario does not expect. A test that changes an endpoint ({@link #updateEndpoint}) restores it
 * with {@link #restoreEndpoint} before it ends.
 *
 * <p>Authentication throttling counts failures per source address, and every peer here is
 * 127.0.0.1, so the configuration sets {@code authMaxFailures} high; a test that needs another
 * driver configuration switches with {@link #reconfigureDriver} and restores
 * {@link #driverProperties(int, int) driverProperties(MANY_FAILURES, 1)}.
 *
 * <p>Every test ends with {@link #assertNoCallsLeft()}: no channel, no SIP dialog and no RTP
 * session left. Each sipp binds fresh free ports; the driver's RTP range is a free block below
 * 10000 (see {@link #rtpRange(int)}).
 */
public abstract class SipPlatform {

    protected static final String DRIVER_PID = "org.strowger.sip";
    protected static final String ENDPOINT_FACTORY_PID = "org.strowger.sip.endpoint";
    protected static final Duration SHORT = Duration.ofSeconds(15);
    protected static final Duration LISTEN = Duration.ofSeconds(5);
    /** authMaxFailures of the main configuration: refusal tests must never block 127.0.0.1. */
    protected static final int MANY_FAILURES = 10_000;

    /** The dialplan of both test classes. */
    protected static final String DIALPLAN = String.join("\n",
            "[internal]",
            "exten => 101,1,Dial(SIP/alice,20)",
            " same => n,Hangup()",
            "exten => 102,1,Dial(SIP/bob,20)",
            " same => n,Hangup()",
            "exten => 103,1,Dial(SIP/carol,20)",
            " same => n,Hangup()",
            "exten => 600,1,Answer()",
            " same => n,Echo()",
            "exten => 601,1,Answer()",
            " same => n,Wait(1)",
            " same => n,Hangup()",
            "",
            "[load]",
            "exten => 9000,1,Dial(SIP/loadsink)",
            " same => n,Hangup()",
            "exten => 9600,1,Answer()",
            " same => n,Echo()",
            "");

    /** Chosen once, inside the container (the probe's class is loaded once per class run). */
    private static volatile boolean configured;
    protected static int sipPort;
    protected static int rtpPortMin;
    protected static int rtpPortMax;
    protected static int loadgenPort;
    protected static int loadsinkPort;

    @Inject
    protected BundleContext context;

    @Inject
    protected ChannelService channels;

    @Inject
    protected ConfigurationAdmin configAdmin;

    /** The sipp runs of the current test, for assertion messages. */
    protected final List<SippResult> runs = new ArrayList<>();

    @Configuration
    public Option[] configuration() {
        return options(FelixContainer.withChannelCore(),
                systemProperty("karaf.etc").value(dialplanFolder(dialplan()).toString()),
                mavenBundle("org.apache.felix", "org.apache.felix.configadmin",
                        System.getProperty("felix.configadmin.version", "1.9.26")),
                mavenBundle("ch.qos.reload4j", "reload4j", System.getProperty("reload4j.version", "1.2.25")),
                bundle(StrowgerArtifacts.bundleUrl("bundles/pbx-api", "strowger-pbx-api")),
                bundle(StrowgerArtifacts.bundleUrl("bundles/pbx", "strowger-pbx")),
                bundle(StrowgerArtifacts.bundleUrl("bundles/jain-sip", "strowger-jain-sip")),
                bundle(StrowgerArtifacts.bundleUrl("bundles/sip-api", "strowger-sip-api")),
                // REFER and INVITE/Replaces go through the transfer service; the driver imports its API
                bundle(StrowgerArtifacts.bundleUrl("bundles/transfer-api", "strowger-transfer-api")),
                bundle(StrowgerArtifacts.bundleUrl("bundles/sip", "strowger-sip")),
                bundle(StrowgerArtifacts.bundleUrl("bundles/transfer", "strowger-transfer")),
                composite(moreBundles()));
    }

    /** Bundles a test class needs besides the SIP platform's (another driver, for example). */
    protected Option[] moreBundles() {
        return new Option[0];
    }

    /** The extensions.conf of the test class ({@link #DIALPLAN} unless a class needs more). */
    protected String dialplan() {
        return DIALPLAN;
    }

    private static Path dialplanFolder(String dialplan) {
        try {
            Path folder = Files.createTempDirectory("strowger-sip-it");
            Files.writeString(folder.resolve("extensions.conf"), dialplan);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Before
    public void driverRunning() throws Exception {
        assumeTrue("sipp is not installed (Debian package sip-tester)", Sipp.available());
        synchronized (SipPlatform.class) {
            if (!configured) {
                configure();
                configured = true;
            }
        }
        awaitDriver(-1);
        clearLeftovers();
    }

    // --- the driver -------------------------------------------------------------------------------------------

    private void configure() throws Exception {
        sipPort = FreePorts.sip();
        int[] rtp = rtpRange(400);
        rtpPortMin = rtp[0];
        rtpPortMax = rtp[1];
        loadgenPort = FreePorts.sip();
        loadsinkPort = FreePorts.sip();

        for (String phone : List.of("alice", "bob", "carol")) {
            endpointConfiguration(phone, phoneProperties(phone));
        }
        for (String[] trunk : new String[][] {{"loadgen", Integer.toString(loadgenPort)},
                {"loadsink", Integer.toString(loadsinkPort)}}) {
            Hashtable<String, Object> p = new Hashtable<>();
            p.put("name", trunk[0]);
            p.put("context", "load");
            p.put("host", FreePorts.HOST + ":" + trunk[1]);
            p.put("transport", "udp");
            p.put("qualifyIntervalSeconds", 0);
            endpointConfiguration(trunk[0], p);
        }
        configAdmin.getConfiguration(DRIVER_PID, "?").update(driverProperties(MANY_FAILURES, 1));
    }

    /**
     * A block of {@code count} UDP ports free now, even-aligned, between 6000 and 9999: the driver binds
     * RTP ports lazily, call by call, so its range must be one nobody else is likely to sweep through
     * meanwhile. That rules out FreePorts' 20000-32767 (every sipp's SIP and media ports) and the
     * 10000-20000 (or wider) RTP range of any other Strowger platform on the machine, whose round-robin
     * allocator sweeps its whole range under load; below 10000 is also clear of the ephemeral ports.
     */
    protected static int[] rtpRange(int count) {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 50; attempt++) {
            int base = 6000 + 2 * random.nextInt((10000 - 6000 - count) / 2);
            boolean free = true;
            for (int port = base; port < base + count && free; port++) {
                free = FreePorts.udpFree(port);
            }
            if (free) {
                return new int[] {base, base + count - 1};
            }
        }
        throw new IllegalStateException("no " + count + " free UDP ports in 6000-9999 for RTP");
    }

    private void endpointConfiguration(String name, Hashtable<String, Object> properties) throws IOException {
        configAdmin.getFactoryConfiguration(ENDPOINT_FACTORY_PID, name, "?").update(properties);
    }

    /** The configuration of the phones alice, bob and carol: they register, qualify is off. */
    private static Hashtable<String, Object> phoneProperties(String phone) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("name", phone);
        p.put("secret", phone + "-secret");
        p.put("context", "internal");
        p.put("host", "dynamic");
        p.put("qualifyIntervalSeconds", 0);
        p.put("maxContacts", 1);
        return p;
    }

    /**
     * Changes a phone's configuration live (its factory configuration updated through
     * ConfigurationAdmin, the driver keeps running): the phone's usual properties with
     * {@code changes} on top. Returns at once; the driver follows asynchronously.
     */
    protected void updateEndpoint(String phone, Map<String, Object> changes) throws IOException {
        Hashtable<String, Object> p = phoneProperties(phone);
        p.putAll(changes);
        endpointConfiguration(phone, p);
    }

    /** Puts a phone's usual configuration back and waits until the driver has it (context {@code internal}). */
    protected void restoreEndpoint(String phone) throws IOException, InterruptedException {
        endpointConfiguration(phone, phoneProperties(phone));
        await(phone + "'s configuration is restored", Duration.ofSeconds(5),
                () -> admin().endpoint(phone).map(e -> e.context().equals("internal")
                        && e.reachability() == org.strowger.sip.EndpointStatus.Reachability.UNMONITORED).orElse(false));
    }

    protected static Dictionary<String, Object> driverProperties(int authMaxFailures, int authBlockSeconds) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("bindAddress", FreePorts.HOST);
        p.put("port", sipPort);
        p.put("transports", "udp,tcp");
        p.put("rtpPortMin", rtpPortMin);
        p.put("rtpPortMax", rtpPortMax);
        p.put("rtpIoThreads", 1);
        p.put("sipThreads", 4);
        p.put("realm", "strowger");
        p.put("authAlgorithms", "MD5,SHA-256");
        p.put("minExpires", 60);
        p.put("authMaxFailures", authMaxFailures);
        p.put("authFailureWindowSeconds", 60);
        p.put("authBlockSeconds", authBlockSeconds);
        p.put("userAgent", "Strowger-SipIT");
        return p;
    }

    /**
     * Changes the driver's configuration and waits until the driver runs with it: authentication
     * and registration settings apply to the running driver, and DS then shows the new values in
     * the SipAdmin service's properties.
     */
    protected void reconfigureDriver(Dictionary<String, Object> properties) throws Exception {
        configAdmin.getConfiguration(DRIVER_PID, "?").update(properties);
        await("the SIP driver runs with the new settings", Duration.ofSeconds(10),
                () -> driverHas(properties));
        awaitDriver(-1);
    }

    /** Whether the SipAdmin service's properties (DS copies the configuration there) have these values. */
    protected boolean driverHas(Dictionary<String, Object> properties) {
        return serviceHas(SipAdmin.class, properties);
    }

    /** Whether the service's properties have these values (DS copies a component's configuration there). */
    protected boolean serviceHas(Class<?> type, Dictionary<String, Object> properties) {
        ServiceReference<?> reference = context.getServiceReference(type);
        if (reference == null) {
            return false;
        }
        for (String key : java.util.Collections.list(properties.keys())) {
            if (!String.valueOf(properties.get(key)).equals(String.valueOf(reference.getProperty(key)))) {
                return false;
            }
        }
        return true;
    }

    /** Waits for a SipAdmin (other than service id {@code not}) listening on UDP and TCP with 5 endpoints. */
    protected void awaitDriver(long not) throws InterruptedException {
        await("the SIP driver listens on udp and tcp with 5 endpoints", Duration.ofSeconds(10), () -> {
            ServiceReference<SipAdmin> reference = context.getServiceReference(SipAdmin.class);
            if (reference == null || (Long) reference.getProperty(Constants.SERVICE_ID) == not) {
                return false;
            }
            SipAdmin admin = context.getService(reference);
            try {
                return admin != null && admin.listeningPoints().size() == 2 && admin.endpoints().size() == 5;
            } finally {
                context.ungetService(reference);
            }
        });
    }

    protected long adminServiceId() {
        return serviceId(SipAdmin.class);
    }

    /** The service id of the service of this type now, or -1: a restarted component registers anew. */
    protected long serviceId(Class<?> type) {
        ServiceReference<?> reference = context.getServiceReference(type);
        return reference == null ? -1 : (Long) reference.getProperty(Constants.SERVICE_ID);
    }

    /** The driver now (it is a new object after a configuration change). */
    protected SipAdmin admin() {
        return service(SipAdmin.class, "the SIP driver");
    }

    /** The service of an immediate component as it is now; fails the test naming who should provide it. */
    protected <T> T service(Class<T> type, String provider) {
        ServiceReference<T> reference = context.getServiceReference(type);
        if (reference == null) {
            throw new AssertionError("no " + type.getSimpleName() + " service: " + provider + " is not running");
        }
        T service = context.getService(reference);
        context.ungetService(reference); // an immediate component: the object stays valid while it is active
        return service;
    }

    // --- peers ------------------------------------------------------------------------------------------------

    /** A client scenario towards the driver. */
    protected Sipp uac(String scenario) {
        return Sipp.scenario(scenario).remote(sipPort).timeout(SHORT);
    }

    /** A server scenario (a phone the driver calls). */
    protected Sipp uas(String scenario) {
        return Sipp.scenario(scenario).timeout(SHORT);
    }

    protected SippResult run(Sipp sipp) throws IOException, InterruptedException {
        SippResult result = sipp.run();
        note(result);
        return result;
    }

    protected SippResult run(Sipp.Running running) throws InterruptedException {
        SippResult result = running.await();
        note(result);
        return result;
    }

    protected void registerAt(String user, int contactPort) throws Exception {
        SippResult register = uac("register.xml").endpoint(user, user + "-secret").set("contact_port", contactPort)
                .named("register-" + user).run();
        assertOk(register);
        awaitRegistered(user, contactPort);
    }

    protected void awaitRegistered(String user, int contactPort) throws InterruptedException {
        await(user + " is registered at port " + contactPort, Duration.ofSeconds(3),
                () -> registrations(user).stream().anyMatch(b -> b.contact().contains(":" + contactPort)));
    }

    protected List<RegistrationInfo> registrations(String user) {
        return admin().registrations().stream().filter(b -> b.endpoint().equals(user)).toList();
    }

    protected InetSocketAddress awaitPeer(RtpProbe probe, Sipp.Running call) throws Exception {
        try {
            return probe.awaitPeer(Duration.ofSeconds(5));
        } catch (AssertionError e) {
            SippResult result = call.isAlive() ? call.stop() : call.await();
            // no cause: Pax Exam reports the innermost cause of a failure, which would drop our message
            throw new AssertionError(e.getMessage() + "\n" + result.describe());
        }
    }

    // --- state and assertions ---------------------------------------------------------------------------------

    /** The first channel not hung up whose name starts with {@code prefix}. */
    protected Optional<Channel> liveChannel(String prefix) {
        return channels.channels().stream().filter(c -> c.name().startsWith(prefix) && !c.isHungUp()).findFirst();
    }

    protected boolean twoBridgedChannels() {
        List<Channel> now = channels.channels();
        if (now.size() != 2) {
            return false;
        }
        String first = now.get(0).uniqueId();
        String second = now.get(1).uniqueId();
        return now.get(0).bridgedPeer().map(p -> p.uniqueId().equals(second)).orElse(false)
                && now.get(1).bridgedPeer().map(p -> p.uniqueId().equals(first)).orElse(false);
    }

    protected List<String> dialogEndpoints() {
        return admin().dialogs().stream().map(DialogInfo::endpoint).sorted().toList();
    }

    protected boolean dialogsDriveTheChannels() {
        Set<String> channelNames = channels.channels().stream().map(Channel::name).collect(Collectors.toSet());
        Set<String> driven = admin().dialogs().stream().map(DialogInfo::channel).collect(Collectors.toSet());
        return channelNames.equals(driven);
    }

    protected String describeState() {
        String channelText = channels.channels().stream()
                .map(c -> c.name() + " " + c.state() + c.bridgedPeer().map(p -> " <-> " + p.name()).orElse(""))
                .collect(Collectors.joining(", ", "[", "]"));
        String dialogText;
        try {
            dialogText = admin().dialogs().stream()
                    .map(d -> d.endpoint() + " " + d.direction() + " " + d.state() + " " + d.channel() + " " + d.callId())
                    .collect(Collectors.joining(", ", "[", "]"));
        } catch (AssertionError e) {
            dialogText = e.getMessage();
        }
        String media;
        try {
            media = admin().mediaStatistics().toString();
        } catch (AssertionError e) {
            media = e.getMessage();
        }
        return "channels " + channelText + ", SIP dialogs " + dialogText + ", " + media;
    }

    protected boolean flowHas(SippResult result, String prefix) {
        note(result);
        return result.messageFlow().stream().anyMatch(m -> m.startsWith(prefix));
    }

    protected void assertOk(SippResult result) {
        note(result);
        assertTrue(result.describe(), result.ok());
    }

    protected void note(SippResult result) {
        if (!runs.contains(result)) {
            runs.add(result);
        }
    }

    protected static void await(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        Await.until(what, max, condition);
    }

    /** Every test ends here: no channel and no SIP dialog may be left a few seconds after the peers are done. */
    protected void assertNoCallsLeft() throws InterruptedException {
        try {
            await("no channel, no SIP dialog and no RTP session is left", Duration.ofSeconds(5),
                    () -> channels.channels().isEmpty() && admin().dialogs().isEmpty()
                            && admin().mediaStatistics().openSessions() == 0);
        } catch (AssertionError e) {
            StringBuilder message = new StringBuilder(e.getMessage()).append(": ").append(describeState());
            for (SippResult run : runs) {
                message.append("\n").append(run.describe());
            }
            fail(message.toString());
        }
    }

    /** A failed test may leave calls behind; the next test starts clean. */
    protected void clearLeftovers() throws InterruptedException {
        try {
            await("the previous test's calls are gone", Duration.ofSeconds(3),
                    () -> channels.channels().isEmpty() && admin().dialogs().isEmpty());
        } catch (AssertionError e) {
            System.err.println(getClass().getSimpleName() + ": hanging up what an earlier test left: " + describeState());
            for (Channel channel : channels.channels()) {
                channels.hangup(channel, HangupCause.NORMAL_CLEARING);
            }
            await("leftover calls are hung up", Duration.ofSeconds(5), () -> channels.channels().isEmpty());
        }
    }
}
