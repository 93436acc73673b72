package org.strowger.itests.karaf;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.inject.Inject;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.InvalidSyntaxException;
import org.strowger.channel.Channel;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.frame.Codec;
import org.strowger.channel.frame.Frame;
import org.strowger.channel.frame.VoiceFrame;
import org.strowger.pbx.DialplanAdmin;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanFunction;

/**
 * The two example bundles of {@code examples/} (docs/extending.md) dropped into the real
 * distribution's {@code deploy/}: they are active within seconds, the dialplan uses the Hello
 * application, the REVERSE function and the Tone technology, and when the jars are deleted
 * their services go, Tone's channels are hung up with cause 38 and the platform goes on.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class ExtendingIT extends StrowgerKarafTestSupport {

    private static final String HELLO_JAR = "strowger.itest.example.hello.jar";
    private static final String TONE_JAR = "strowger.itest.example.tone.jar";

    /** Appended to the demo dialplan: the examples in use, and a call that needs neither. */
    private static final String EXAMPLES_CONTEXT = """

            ; added by ExtendingIT
            [itest-examples]
            exten => 100,1,Answer()
             same => n,Hello(Strowger)
             same => n,Set(REVERSED=${REVERSE(${HELLO})})
             same => n,Dial(Tone/440)
            exten => 200,1,Answer()
             same => n,Set(PLAIN=${LEN(unharmed)})
             same => n,Dial(Tone/440)
             same => n,Set(RESULT=${DIALSTATUS})
             same => n,Wait(30)
            """;

    @Inject
    DialplanAdmin dialplan;

    @Configuration
    public Option[] configuration() {
        return options(
                strowgerDistribution(FreePort.pick()),
                systemProperty(HELLO_JAR).value(StrowgerArtifacts.helloApplicationExampleJar().getAbsolutePath()),
                systemProperty(TONE_JAR).value(StrowgerArtifacts.toneTechnologyExampleJar().getAbsolutePath()));
    }

    @Test
    public void theExampleBundlesDroppedIntoDeployServeTheDialplanAndLeaveThePlatformUnharmedWhenDeleted()
            throws Exception {
        Files.writeString(Path.of(System.getProperty("karaf.etc"), "extensions.conf"), EXAMPLES_CONTEXT,
                StandardOpenOption.APPEND);
        Path deploy = Path.of(System.getProperty("karaf.base"), "deploy");
        Path hello = deploy.resolve("hello-application.jar");
        Path tone = deploy.resolve("tone-technology.jar");

        long copied = System.nanoTime();
        Files.copy(Path.of(System.getProperty(HELLO_JAR)), hello, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(Path.of(System.getProperty(TONE_JAR)), tone, StandardCopyOption.REPLACE_EXISTING);
        Channel toneChannel;
        try {
            awaitUntil("the examples' services are registered", () -> channels.technology("Tone").isPresent()
                    && service(DialplanApplication.class, DialplanApplication.NAME_PROPERTY, "Hello")
                    && service(DialplanFunction.class, DialplanFunction.NAME_PROPERTY, "REVERSE"));
            long millis = (System.nanoTime() - copied) / 1_000_000;
            System.out.println("ExtendingIT: from copying both jars into deploy/ to their services registered: "
                    + millis + " ms");
            assertTrue("deployed in " + millis + " ms, the goal is under 3 s", millis < 3_000);
            assertTrue(execute("strowger:version"), execute("strowger:version").contains("Tone"));

            DialplanAdmin.ReloadResult reload = dialplan.reload();
            assertTrue(reload.errors().toString(), reload.loaded());
            assertTrue(reload.warnings().toString(), reload.warnings().stream().noneMatch(w -> w.contains("Hello")));

            // a call through the dialplan: Hello, then REVERSE, then Dial(Tone/440) back to us
            Channel caller = channels.request("Local/100@itest-examples/n");
            caller.call(Duration.ofSeconds(10));
            VoiceFrame heard = firstVoiceFrame(caller, Duration.ofSeconds(10));
            assertNotNull("a voice frame from Tone/440 through the Local call", heard);
            Channel inner = innerHalfOf(caller);
            assertEquals("Hello, Strowger!", inner.variable("HELLO").orElse(null));
            assertEquals("!regwortS ,olleH", inner.variable("REVERSED").orElse(null));
            assertTrue(inner.bridgedPeer().map(Channel::name).orElse("").startsWith("Tone/440"));
            channels.hangup(caller, HangupCause.NORMAL_CLEARING);
            awaitUntil("the Local call and its Tone leg are gone", () -> channels.channelCount() == 0);

            // a Tone channel asked for through the ChannelService: answers at once, 50 frames a second
            toneChannel = channels.request("Tone/440");
            toneChannel.call(Duration.ofSeconds(5));
            assertEquals(ChannelState.UP, toneChannel.state());
            int frames = 0;
            long until = System.nanoTime() + 1_000_000_000L;
            while (System.nanoTime() < until) {
                Frame frame = toneChannel.read(Duration.ofMillis(100));
                if (frame instanceof VoiceFrame voice) {
                    assertEquals(Codec.ULAW, voice.codec());
                    assertEquals(160, voice.samples());
                    frames++;
                }
            }
            assertTrue(frames + " frames in 1 s", frames >= 40 && frames <= 55);
        } finally {
            Files.deleteIfExists(hello);
            Files.deleteIfExists(tone);
        }

        long deleted = System.nanoTime();
        awaitUntil("the examples' services are gone", () -> channels.technology("Tone").isEmpty()
                && !service(DialplanApplication.class, DialplanApplication.NAME_PROPERTY, "Hello")
                && !service(DialplanFunction.class, DialplanFunction.NAME_PROPERTY, "REVERSE"));
        System.out.println("ExtendingIT: from deleting both jars to their services gone: "
                + (System.nanoTime() - deleted) / 1_000_000 + " ms");
        Channel departed = toneChannel;
        awaitUntil("the Tone channel is hung up", departed::isHungUp);
        assertEquals(HangupCause.NETWORK_OUT_OF_ORDER, departed.hangupCause().orElseThrow());
        awaitUntil("both bundles are uninstalled", () -> Arrays.stream(context.getBundles())
                .noneMatch(bundle -> bundle.getSymbolicName().startsWith("org.strowger.examples.")));

        // the platform goes on: the other technologies are there, and a call runs its dialplan,
        // where Dial(Tone/...) now fails cleanly instead of breaking the call
        assertFalse(execute("strowger:version"), execute("strowger:version").contains("Tone"));
        List<String> technologies = channels.technologies().stream().map(info -> info.name().toString()).toList();
        assertTrue(technologies.toString(), technologies.containsAll(List.of("Local", "SIP", "Transfer")));
        Channel caller = channels.request("Local/200@itest-examples/n");
        caller.call(Duration.ofSeconds(10));
        awaitUntil("the dialplan went past the failed Dial", () -> innerHalf(caller)
                .flatMap(inner -> inner.variable("RESULT")).isPresent());
        Channel inner = innerHalfOf(caller);
        assertEquals("8", inner.variable("PLAIN").orElse(null));
        assertEquals("CHANUNAVAIL", inner.variable("RESULT").orElse(null));
        channels.hangup(caller, HangupCause.NORMAL_CLEARING);
        awaitUntil("the call is gone", () -> channels.channelCount() == 0);
    }

    private boolean service(Class<?> type, String property, String name) {
        try {
            return !context.getServiceReferences(type, "(" + property + "=" + name + ")").isEmpty();
        } catch (InvalidSyntaxException impossible) {
            throw new IllegalArgumentException(impossible);
        }
    }

    private static VoiceFrame firstVoiceFrame(Channel channel, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (channel.read(Duration.ofMillis(100)) instanceof VoiceFrame voice) {
                return voice;
            }
        }
        return null;
    }

    /** The other half of a Local pair: the channel that runs the dialplan. */
    private Optional<Channel> innerHalf(Channel outer) {
        TechnologyName local = outer.technology();
        return channels.channels().stream()
                .filter(channel -> channel.technology().equals(local) && channel != outer)
                .findFirst();
    }

    private Channel innerHalfOf(Channel outer) {
        return innerHalf(outer).orElseThrow(() -> new AssertionError("no inner half of " + outer.name()));
    }
}
