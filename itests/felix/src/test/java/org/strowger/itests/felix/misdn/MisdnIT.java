package org.strowger.itests.felix.misdn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.itests.felix.sip.RtpProbe;
import org.strowger.itests.felix.sip.SipPlatform;
import org.strowger.itests.felix.sip.Sipp;
import org.strowger.itests.felix.sip.SippResult;
import org.strowger.misdn.MisdnAdmin;
import org.strowger.misdn.PortStatus;

/**
 * The mISDN driver in the container with its demo configuration (the native library's simulated
 * card: port 1 TE wired to port 2 NT) and a SIP phone: alice dials 2600, the call goes out on
 * port 1, crosses the simulated cable, comes back in on port 2 into {@code from-isdn}, where 2600
 * answers and echoes; alice's RTP crosses the cable both ways and comes back byte for byte.
 * Pulling the cable mid-call hangs both ISDN channels up with cause 38 and alice gets a BYE.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class MisdnIT extends SipPlatform {

    @Override
    protected String dialplan() {
        return MisdnBundles.DIALPLAN;
    }

    @Override
    protected Option[] moreBundles() {
        return MisdnBundles.bundles();
    }

    private MisdnAdmin misdn() throws InterruptedException {
        await("the mISDN driver is up with its simulated card", Duration.ofSeconds(10),
                () -> context.getServiceReference(MisdnAdmin.class) != null);
        return service(MisdnAdmin.class, "the mISDN driver");
    }

    @Test
    public void theDemoPortsComeUpOnTheSimulatedCard() throws Exception {
        MisdnAdmin misdn = misdn();
        assertTrue(misdn.unavailableReason(), misdn.available());
        assertTrue(misdn.simulated());
        List<PortStatus> ports = misdn.ports();
        assertEquals(ports.toString(), 2, ports.size());
        assertEquals("TE", ports.get(0).role());
        assertEquals("NT", ports.get(1).role());
        assertEquals("from-isdn", ports.get(1).context());
        assertTrue(channels.technology("mISDN").isPresent());
    }

    @Test
    public void aSipCallTo2600CrossesTheCableBothWaysAndHearsItself() throws Exception {
        misdn();
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("2600").endpoint("alice", "alice-secret")
                    .rtpProbe(probe).pause(Duration.ofMillis(3000)).named("alice-2600").start();
            InetSocketAddress peer = awaitPeer(probe, call);
            await("alice's call went out on port 1 and came back in on port 2", Duration.ofSeconds(5),
                    () -> liveChannel("mISDN/1-").isPresent()
                            && liveChannel("mISDN/2-").map(c -> c.location().context().equals("from-isdn"))
                                    .orElse(false));
            probe.stream(peer, Duration.ofMillis(1500));
            probe.awaitReceived(60, Duration.ofSeconds(3));
            SippResult result = run(call);
            assertOk(result);
            int crossed = probe.framesFoundInAudio();
            assertTrue("alice's audio crossed the cable out and back unchanged: " + crossed + " of " + probe.sent()
                    + " frames found in what came back; " + probe.describe(), crossed >= 40);
        }
        assertNoCallsLeft();
    }

    @Test
    public void pullingTheCableMidCallHangsUpBothIsdnChannelsWithCause38() throws Exception {
        MisdnAdmin misdn = misdn();
        try (RtpProbe probe = RtpProbe.open()) {
            Sipp.Running call = uac("call-echo.xml").service("2600").endpoint("alice", "alice-secret")
                    .rtpProbe(probe).pause(Duration.ofMillis(15000)).timeout(Duration.ofSeconds(25))
                    .named("alice-unplugged").start();
            awaitPeer(probe, call);
            await("both ISDN channels are up", Duration.ofSeconds(5),
                    () -> liveChannel("mISDN/1-").isPresent() && liveChannel("mISDN/2-").isPresent());
            Channel out = liveChannel("mISDN/1-").orElseThrow();
            Channel in = liveChannel("mISDN/2-").orElseThrow();

            assertTrue(misdn.simulateCable(1, false));
            try {
                await("both ISDN channels hung up", Duration.ofSeconds(10), () -> out.isHungUp() && in.isHungUp());
                assertEquals(Optional.of(HangupCause.NETWORK_OUT_OF_ORDER), out.hangupCause());
                assertEquals(Optional.of(HangupCause.NETWORK_OUT_OF_ORDER), in.hangupCause());
                SippResult result = run(call);
                assertOk(result);
                assertTrue("alice's call was ended by the platform:\n" + result.describe(), flowHas(result, "<- BYE"));
            } finally {
                misdn.simulateCable(1, true);
            }
        }
        assertNoCallsLeft();
    }
}
