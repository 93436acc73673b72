package org.strowger.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.options;

import java.util.Hashtable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.inject.Inject;

import org.junit.After;
import org.junit.Before;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelLink;
import org.strowger.channel.ChannelService;
import org.strowger.channel.ChannelTechnology;
import org.strowger.channel.DriverSide;
import org.strowger.channel.DriverSideAdapter;
import org.strowger.channel.HangupCause;
import org.strowger.channel.InboundCallHandler;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.event.ChannelEvent;
import org.strowger.channel.event.ChannelListener;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.channel.lock.ChannelLock;
import org.strowger.test.technology.TestLine;
import org.strowger.test.technology.TestTechnologyControl;

/** The channel core with the Test technology inside Felix, under the strict lock-order validator. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ChannelCoreIT {

    @Inject
    BundleContext context;

    @Inject
    ChannelService channels;

    @Inject
    TestTechnologyControl test;

    private final List<Channel> routed = new CopyOnWriteArrayList<>();
    private ServiceRegistration<InboundCallHandler> dialplan;

    @Configuration
    public Option[] configuration() {
        return options(FelixContainer.withChannelCore(), bundle(FelixContainer.testTechnologyUrl()));
    }

    /** Stands in for the PBX: takes inbound calls and keeps them up. */
    @Before
    public void registerDialplan() {
        dialplan = context.registerService(InboundCallHandler.class, routed::add, null);
    }

    @After
    public void unregisterDialplan() {
        dialplan.unregister();
    }

    @Test
    public void inboundCallsAreHandedToTheDialplan() throws Exception {
        Channel frank = test.inbound("frank", "500", "internal");

        assertEquals(List.of(frank), routed);
        channels.hangup(frank, HangupCause.NORMAL_CLEARING);
    }

    @Test
    public void theValidatorIsStrictInTests() {
        assertTrue(channels.lockStatistics().strict());
    }

    @Test
    public void aCallBridgesTwoTestLinesAndRelaysVoice() throws Exception {
        Channel alice = test.inbound("alice", "200", "internal");
        Channel bob = channels.request("Test/bob");
        Bridge bridge = channels.bridge(alice, bob);

        TestLine aliceLine = line(alice);
        VoiceFrame hello = new VoiceFrame(Codec.ULAW, new byte[160], 160, 0);
        aliceLine.send(hello);

        assertEquals(List.of(hello), line(bob).received());
        line(bob).hangUp(HangupCause.NORMAL_CLEARING);
        assertFalse(bridge.isActive());
        assertTrue(alice.isHungUp());
        assertEquals(1, aliceLine.releases());
        assertEquals(HangupCause.NORMAL_CLEARING, aliceLine.releaseCause().orElseThrow());
    }

    @Test
    public void aMasqueradeMovesTheLineAndTheNameToTheOriginal() throws Exception {
        Channel original = channels.request("Test/dummy");
        Channel clone = test.inbound("carol", "300", "internal");
        TestLine carolLine = line(clone);
        String carolName = clone.name();

        channels.masquerade(original, clone);

        assertSame(original, carolLine.owner());
        assertEquals(carolName, original.name());
        assertTrue(clone.isZombie());
        assertSame(original, channels.findByName(carolName).orElseThrow());
        assertEquals(1, carolLine.fixups().size());
        channels.hangup(original, HangupCause.NORMAL_CLEARING);
    }

    @Test
    public void aDriverHoldingItsPvtLockIsRefusedWithTheLockNamed() throws Exception {
        Channel a = channels.request("Test/a");
        Channel b = channels.request("Test/b");
        ChannelLock pvt = channels.newPvtLock(TechnologyName.of("Test"));

        pvt.lock();
        try {
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> channels.masquerade(a, b));
            assertTrue(refused.getMessage(), refused.getMessage().contains("holds the PVT:Test lock"));
        } finally {
            pvt.unlock();
        }
        assertFalse(b.isZombie());
        channels.hangup(a, HangupCause.NORMAL_CLEARING);
        channels.hangup(b, HangupCause.NORMAL_CLEARING);
    }

    @Test
    public void whenADriverLeavesItsChannelsAreHungUpWithCause38AndTheirPeersCleanly() throws Exception {
        List<HangupCause> probeReleases = new CopyOnWriteArrayList<>();
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(ChannelTechnology.TECHNOLOGY_PROPERTY, "Probe");
        ServiceRegistration<ChannelTechnology> probe = context.registerService(ChannelTechnology.class,
                new ChannelTechnology() {
                    @Override
                    public String description() {
                        return "probe lines";
                    }

                    @Override
                    public DriverSide request(String resource, ChannelLink link) {
                        return new ReleaseRecordingSide(probeReleases);
                    }
                }, properties);
        Bundle testBundle = installed("strowger-test-technology");
        try {
            Channel testLeg = test.inbound("dave", "400", "internal");
            Channel probeLeg = channels.request("Probe/peer");
            channels.bridge(testLeg, probeLeg);

            testBundle.stop();

            Await.until("the test leg is hung up", testLeg::isHungUp);
            assertEquals(HangupCause.NETWORK_OUT_OF_ORDER, testLeg.hangupCause().orElseThrow());
            Await.until("the peer is hung up", probeLeg::isHungUp);
            assertEquals(List.of(HangupCause.NETWORK_OUT_OF_ORDER), probeReleases);
            assertEquals(0, channels.channelCount());
        } finally {
            testBundle.start();
            probe.unregister();
        }
    }

    @Test
    public void listenersHearChannelEvents() throws Exception {
        List<ChannelEvent> events = new CopyOnWriteArrayList<>();
        ServiceRegistration<ChannelListener> listener = context.registerService(ChannelListener.class, events::add,
                null);
        try {
            Channel eve = channels.request("Test/eve");
            channels.hangup(eve, HangupCause.USER_BUSY);

            Await.until("two events", () -> events.stream().filter(e -> e.channel() == eve).count() == 2);
            assertTrue(events.stream().anyMatch(e -> e instanceof ChannelEvent.HungUp hungUp
                    && hungUp.cause() == HangupCause.USER_BUSY && hungUp.channel() == eve));
        } finally {
            listener.unregister();
        }
    }

    private TestLine line(Channel channel) {
        return test.lineOf(channel).orElseThrow(() -> new AssertionError("no live test line for " + channel.name()));
    }

    private Bundle installed(String symbolicName) {
        for (Bundle each : context.getBundles()) {
            if (each.getSymbolicName().equals(symbolicName)) {
                return each;
            }
        }
        throw new AssertionError(symbolicName + " is not installed");
    }

    /** A probe driver side that records its release cause. */
    private static final class ReleaseRecordingSide extends DriverSideAdapter {
        private final List<HangupCause> releases;

        ReleaseRecordingSide(List<HangupCause> releases) {
            this.releases = releases;
        }

        @Override
        public void hangup(HangupCause cause) {
            releases.add(cause);
        }
    }
}
