package org.strowger.itests.felix.live;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.service.cm.Configuration;
import org.strowger.channel.Channel;
import org.strowger.itests.felix.misdn.MisdnBundles;
import org.strowger.itests.felix.sip.RtpProbe;
import org.strowger.itests.felix.sip.SipPlatform;
import org.strowger.itests.felix.sip.Sipp;
import org.strowger.itests.felix.sip.SippResult;
import org.strowger.misdn.MisdnAdmin;
import org.strowger.misdn.PortStatus;
import org.strowger.pbx.DialplanAdmin;
import org.strowger.transfer.TransferAdmin;

/**
 * Live configuration with a call up: alice (sipp, SIP) calls 2600, which goes out on mISDN port 1,
 * crosses the simulated cable and is echoed on port 2. While her audio flows, the feature codes,
 * SIP endpoints (added, changed, removed), the SIP driver's registration and authentication
 * settings, the mISDN ports (a pair added, then removed) and the dialplan (reloaded) all change
 * through ConfigurationAdmin or the dialplan service; each change takes effect, and alice's call
 * keeps its three channels and its audio to the end. Changes that remake sockets (the SIP port)
 * or the card (the line law) restart their driver, and the drivers serve calls again afterwards.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class LiveConfigurationIT extends SipPlatform {

    private static final String MISDN_PID = "org.strowger.misdn";
    private static final String FEATURES_PID = "org.strowger.features";
    private static final String ONE_PAIR = "1:te:ptp:group=out:context=from-isdn-te, 2:nt:ptp:group=in:context=from-isdn";
    private static final String TWO_PAIRS = ONE_PAIR + ", 3:te:ptp:context=from-isdn-te, 4:nt:ptp:context=from-isdn";

    @Override
    protected String dialplan() {
        return MisdnBundles.DIALPLAN;
    }

    @Override
    protected Option[] moreBundles() {
        return MisdnBundles.bundles();
    }

    private static Dictionary<String, Object> misdnProperties(String law, String ports) {
        Hashtable<String, Object> p = new Hashtable<>();
        p.put("card", "simulated");
        p.put("simulatedPairs", 2);
        p.put("law", law);
        p.put("ports", ports);
        return p;
    }

    /**
     * Gives the mISDN driver card settings it does not run with and waits for the restarted
     * driver (a new MisdnAdmin service with them); the old service shows the new properties for a
     * moment before it goes, so the service id must change too.
     */
    private MisdnAdmin restartMisdnWith(Dictionary<String, Object> properties) throws Exception {
        long before = serviceId(MisdnAdmin.class);
        configure(MISDN_PID, properties);
        await("the mISDN driver restarted with " + properties, Duration.ofSeconds(10),
                () -> serviceId(MisdnAdmin.class) != before && serviceId(MisdnAdmin.class) != -1
                        && serviceHas(MisdnAdmin.class, properties));
        MisdnAdmin misdn = service(MisdnAdmin.class, "the mISDN driver");
        await("the restarted driver's ports are open", Duration.ofSeconds(5), () -> misdn.ports().size() == 2);
        return misdn;
    }

    /** The demo ports on a card of two simulated pairs (a restart the first time: the default card has one). */
    @org.junit.Before
    public void misdnOnTwoPairs() throws Exception {
        await("the mISDN driver is up", Duration.ofSeconds(10),
                () -> context.getServiceReference(MisdnAdmin.class) != null);
        if (!serviceHas(MisdnAdmin.class, withPorts(ONE_PAIR))) {
            restartMisdnWith(withPorts(ONE_PAIR));
        }
    }

    private void configure(String pid, Dictionary<String, Object> properties) throws Exception {
        configAdmin.getConfiguration(pid, "?").update(properties);
    }

    @Test
    public void everyLiveChangeTakesEffectWhileACallOverSipAndIsdnGoesOn() throws Exception {
        MisdnAdmin misdn = service(MisdnAdmin.class, "the mISDN driver");
        long sipDriver = adminServiceId();
        long misdnDriver = serviceId(MisdnAdmin.class);
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("2600").endpoint("alice", "alice-secret")
                    .rtpProbe(probe).pause(Duration.ofMillis(20000)).timeout(Duration.ofSeconds(35))
                    .named("alice-2600-live").start();
            InetSocketAddress peer = awaitPeer(probe, call);
            await("alice's call crossed the cable", Duration.ofSeconds(5),
                    () -> liveChannel("mISDN/1-").isPresent() && liveChannel("mISDN/2-").isPresent());
            List<Channel> before = channels.channels();
            assertEquals(describeState(), 3, before.size());
            probe.stream(peer, Duration.ofMillis(400));

            // feature codes (org.strowger.features)
            Hashtable<String, Object> features = new Hashtable<>();
            features.put("blindxfer", "*1");
            features.put("atxfer", "*3");
            long started = System.nanoTime();
            configure(FEATURES_PID, features);
            TransferAdmin transfers = service(TransferAdmin.class, "the transfer features");
            await("the new feature codes apply", Duration.ofSeconds(5),
                    () -> transfers.settings().blindTransfer().equals("*1")
                            && transfers.settings().attendedTransfer().equals("*3"));
            report("feature codes changed", started);

            // SIP endpoints: one added, one changed, the added one removed again
            Hashtable<String, Object> dave = new Hashtable<>();
            dave.put("name", "dave");
            dave.put("secret", "dave-secret");
            dave.put("context", "internal");
            dave.put("host", "dynamic");
            dave.put("qualifyIntervalSeconds", 0);
            Configuration daveConfiguration = configAdmin.getFactoryConfiguration(ENDPOINT_FACTORY_PID, "dave", "?");
            started = System.nanoTime();
            daveConfiguration.update(dave);
            await("dave is an endpoint", Duration.ofSeconds(5), () -> admin().endpoint("dave").isPresent());
            report("SIP endpoint added", started);
            registerAt("dave", org.strowger.itests.felix.sip.FreePorts.sip());
            updateEndpoint("bob", Map.of("context", "from-isdn"));
            await("bob's context changed", Duration.ofSeconds(5),
                    () -> admin().endpoint("bob").map(e -> e.context().equals("from-isdn")).orElse(false));
            daveConfiguration.delete();
            await("dave is gone", Duration.ofSeconds(5), () -> admin().endpoint("dave").isEmpty());
            restoreEndpoint("bob");

            // the SIP driver's registration and authentication settings: applied without a restart
            Dictionary<String, Object> sip = driverProperties(MANY_FAILURES, 1);
            sip.put("maxExpires", 1800);
            sip.put("defaultExpires", 900); // within 60..1800, else the change is refused
            sip.put("realm", "strowger-live");
            started = System.nanoTime();
            reconfigureDriver(sip);
            report("SIP expiries and realm changed", started);
            assertEquals("the SIP driver was not restarted", sipDriver, adminServiceId());
            // the new limits and realm are in force: alice asks for 7000 s, gets at most 1800, under the new realm
            int contactPort = org.strowger.itests.felix.sip.FreePorts.sip();
            SippResult register = run(uac("register.xml").endpoint("alice", "alice-secret")
                    .set("contact_port", contactPort).set("expires", 7000).named("register-alice-live"));
            assertOk(register);
            awaitRegistered("alice", contactPort);
            java.time.Instant expiresAt = registrations("alice").stream()
                    .filter(b -> b.contact().contains(":" + contactPort)).findFirst().orElseThrow().expiresAt();
            assertTrue("alice's registration is clamped to the new maxExpires: " + expiresAt,
                    expiresAt.isBefore(java.time.Instant.now().plusSeconds(1800 + 30)));
            assertTrue("the challenge names the new realm",
                    Files.readString(register.messagesLog()).contains("realm=\"strowger-live\""));

            // mISDN ports: a second pair added, then removed
            started = System.nanoTime();
            configure(MISDN_PID, withPorts(TWO_PAIRS));
            await("ports 3 and 4 are added", Duration.ofSeconds(5), () -> misdn.ports().size() == 4);
            report("mISDN ports 3-4 added", started);
            assertTrue(misdn.ports().toString(), misdn.ports().stream().allMatch(p -> p.bChannels() == 2));
            configure(MISDN_PID, withPorts(ONE_PAIR));
            await("ports 3 and 4 are removed", Duration.ofSeconds(5), () -> misdn.ports().size() == 2);
            assertEquals("the mISDN driver was not restarted", misdnDriver, serviceId(MisdnAdmin.class));
            assertEquals(List.of(1, 2), misdn.ports().stream().map(PortStatus::port).toList());

            // the dialplan: a new extension, reloaded
            Path extensions = Path.of(System.getProperty("karaf.etc"), "extensions.conf");
            Files.writeString(extensions, MisdnBundles.DIALPLAN + "exten => 2700,1,Answer()\n same => n,Echo()\n");
            DialplanAdmin dialplan = service(DialplanAdmin.class, "the PBX");
            started = System.nanoTime();
            DialplanAdmin.ReloadResult reload = dialplan.reload();
            report("dialplan reloaded", started);
            assertTrue(reload.toString(), reload.loaded());
            assertTrue(reload.toString(), dialplan.exists("from-isdn", "2700", ""));

            // alice's call: the same three channels, up, and her audio still comes back
            for (Channel channel : before) {
                assertFalse(channel.name() + " was hung up by a configuration change: " + describeState(),
                        channel.isHungUp());
            }
            assertEquals(describeState(), 3, channels.channels().size());
            int received = probe.received();
            probe.stream(peer, Duration.ofMillis(600));
            assertTrue("alice hears her echo after the changes: " + probe.describe(),
                    probe.awaitReceived(received + 20, Duration.ofSeconds(5)));
            SippResult result = run(call);
            assertOk(result);
            assertFalse("the platform did not end alice's call:\n" + result.describe(), flowHas(result, "<- BYE"));
        } finally {
            configure(FEATURES_PID, new Hashtable<>());
            reconfigureDriver(driverProperties(MANY_FAILURES, 1));
            Files.writeString(Path.of(System.getProperty("karaf.etc"), "extensions.conf"), MisdnBundles.DIALPLAN);
            service(DialplanAdmin.class, "the PBX").reload();
        }
        assertNoCallsLeft();
    }

    @Test
    public void socketAndCardChangesRestartTheirDriverWhichThenServesCalls() throws Exception {
        long sipDriver = adminServiceId();
        long started = System.nanoTime();
        restartMisdnWith(misdnProperties("ulaw", ONE_PAIR));
        report("mISDN driver restarted (law changed)", started);

        Dictionary<String, Object> sip = driverProperties(MANY_FAILURES, 1);
        sip.put("userAgent", "Strowger-LiveIT");
        started = System.nanoTime();
        configAdmin.getConfiguration(DRIVER_PID, "?").update(sip);
        awaitDriver(sipDriver);
        report("SIP driver restarted (userAgent changed), listening", started);
        try {
            try (RtpProbe probe = RtpProbe.open()) {
                Sipp.Running call = uac("call-echo.xml").service("2600").endpoint("alice", "alice-secret")
                        .rtpProbe(probe).pause(Duration.ofMillis(1500)).named("alice-after-restarts").start();
                InetSocketAddress peer = awaitPeer(probe, call);
                probe.stream(peer, Duration.ofMillis(600));
                assertTrue("alice hears her echo over the restarted drivers: " + probe.describe(),
                        probe.awaitReceived(15, Duration.ofSeconds(5)));
                assertOk(run(call));
            }
        } finally {
            restartMisdnWith(withPorts(ONE_PAIR));
            long restarted = adminServiceId();
            configAdmin.getConfiguration(DRIVER_PID, "?").update(driverProperties(MANY_FAILURES, 1));
            awaitDriver(restarted);
        }
        assertNoCallsLeft();
    }

    private static void report(String what, long startedNanos) {
        System.out.println("LiveConfigurationIT: " + what + " in " + (System.nanoTime() - startedNanos) / 1_000_000
                + " ms");
    }

    private static Dictionary<String, Object> withPorts(String ports) {
        return misdnProperties("alaw", ports);
    }
}
