package org.strowger.itests.felix;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Hashtable;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelService;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.ControlFrame;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.DialplanAdmin;
import org.strowger.pbx.DialplanApplication;
import org.strowger.test.technology.TestTechnologyControl;

/** The PBX bundle in Felix: inbound calls run extensions.conf; applications come and go as services. */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DialplanIT {

    private static final String DIALPLAN = String.join("\n",
            "[internal]",
            "exten => 100,1,Answer()",
            " same => n,Set(DONE=yes)",
            " same => n,Hangup()",
            "exten => 200,1,ProbeGreeting(${CALLERID(num)})",
            " same => n,Hangup()",
            "exten => 300,1,Dial(Test/bob,5)",
            "");

    @Inject
    BundleContext context;

    @Inject
    ChannelService channels;

    @Inject
    DialplanAdmin dialplan;

    @Inject
    TestTechnologyControl test;

    @Configuration
    public Option[] configuration() {
        return options(FelixContainer.withChannelCore(),
                systemProperty("karaf.etc").value(dialplanFolder().toString()),
                bundle(StrowgerArtifacts.bundleUrl("bundles/pbx-api", "strowger-pbx-api")),
                bundle(StrowgerArtifacts.bundleUrl("bundles/pbx", "strowger-pbx")),
                bundle(FelixContainer.testTechnologyUrl()));
    }

    /** Written in the test JVM, which is also the container's JVM in the native container. */
    private static Path dialplanFolder() {
        try {
            Path folder = Files.createTempDirectory("strowger-dialplan-it");
            Files.writeString(folder.resolve("extensions.conf"), DIALPLAN);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    public void theDialplanIsLoadedFromEtc() {
        assertTrue(dialplan.lastLoad().loaded());
        assertTrue(String.join("\n", dialplan.show("internal")), String.join("\n", dialplan.show("internal"))
                .contains("'100' =>"));
    }

    @Test
    public void anInboundCallRunsTheDialplan() throws Exception {
        Channel alice = test.inbound("alice", "100", "internal");

        Await.until("the dialplan hung up", alice::isHungUp);
        assertEquals("yes", alice.variable("DONE").orElse(""));
    }

    @Test
    public void anApplicationServiceIsUsableAtOnceAndItsDepartureFailsCallsCleanly() throws Exception {
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put(DialplanApplication.NAME_PROPERTY, "ProbeGreeting");
        ServiceRegistration<DialplanApplication> greeting = context.registerService(DialplanApplication.class,
                (call, arguments) -> {
                    call.setVariable("GREETED", "hello " + arguments.get(0));
                    return ApplicationResult.CONTINUE;
                }, properties);
        Channel bob = test.inbound("bob", "200", "internal");
        Await.until("the first call ended", bob::isHungUp);
        assertEquals("hello bob", bob.variable("GREETED").orElse(""));

        greeting.unregister();
        Channel carol = test.inbound("carol", "200", "internal");
        Await.until("the second call ended", carol::isHungUp);
        assertEquals("", carol.variable("GREETED").orElse(""));
        assertEquals(0, channels.channelCount());
    }

    @Test
    public void dialBridgesTwoTestLines() throws Exception {
        Channel dave = test.inbound("dave", "300", "internal");
        Await.until("bob is called", () -> channels.channels().stream().anyMatch(c -> c.name().startsWith("Test/bob")));
        Channel bob = channels.channels().stream().filter(c -> c.name().startsWith("Test/bob")).findFirst()
                .orElseThrow();
        test.lineOf(bob).orElseThrow().send(ControlFrame.of(Control.ANSWER));

        Await.until("dave is bridged", () -> dave.bridgedPeer().isPresent());
        test.lineOf(bob).orElseThrow().hangUp(HangupCause.NORMAL_CLEARING);
        Await.until("dave is hung up", dave::isHungUp);
        assertEquals("ANSWER", dave.variable("DIALSTATUS").orElse(""));
    }
}
