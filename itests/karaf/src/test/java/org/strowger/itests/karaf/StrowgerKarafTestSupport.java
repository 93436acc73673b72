package org.strowger.itests.karaf;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

import javax.inject.Inject;

import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;
import org.strowger.channel.ChannelService;

/**
 * What the Pax Exam tests in the real distribution share: the container (our tar.gz on free
 * ports, under the strict lock-order validator), the services they use, console commands run as
 * an operator types them, and waiting for something the platform does asynchronously.
 */
abstract class StrowgerKarafTestSupport {

    @Inject
    protected BundleContext context;

    @Inject
    protected ChannelService channels;

    @Inject
    protected SessionFactory sessions;

    /**
     * The distribution as the tests boot it, with its SIP driver on {@code sipPort} (the demo's
     * 5060 may be taken on a shared machine). Evaluated in the test JVM, not in the container.
     */
    protected static Option strowgerDistribution(int sipPort) {
        return composite(
                karafDistributionConfiguration()
                        .frameworkUrl(StrowgerArtifacts.distributionTarGz().toURI().toString())
                        .karafVersion(System.getProperty("karaf.version"))
                        .name("Strowger")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole(),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort",
                        String.valueOf(FreePort.pick())),
                logLevel(LogLevel.WARN),
                // every test runs under the strict lock-order validator: a violation throws
                editConfigurationFilePut("etc/org.strowger.channel.core.cfg", "strictLockOrder", "true"),
                editConfigurationFilePut("etc/org.strowger.sip.cfg", "port", String.valueOf(sipPort)));
    }

    /** Runs a console command in a fresh session; what it printed (output and errors). */
    protected String execute(String command) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8)) {
            Session session = sessions.create(new ByteArrayInputStream(new byte[0]), print, print);
            try {
                session.execute(command);
            } finally {
                session.close();
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Polls every 20 ms for up to 30 s (fileinstall polls every second); fails naming {@code what}. */
    protected static void awaitUntil(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after 30 s waiting until " + what);
            }
            Thread.sleep(20);
        }
    }
}
