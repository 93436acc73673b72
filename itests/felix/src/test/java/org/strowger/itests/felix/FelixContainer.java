package org.strowger.itests.felix;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;

import org.ops4j.pax.exam.Option;

/** The native Felix container with SCR, logging and the Strowger channel core. */
public final class FelixContainer {

    private FelixContainer() {
    }

    public static Option withChannelCore() {
        return composite(
                systemProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"),
                systemProperty("org.slf4j.simpleLogger.defaultLogLevel").value("warn"),
                // every test runs under the strict lock-order validator: a violation throws
                systemProperty("strowger.locks.strict").value("true"),
                mavenBundle("org.slf4j", "slf4j-api", System.getProperty("slf4j.version")),
                mavenBundle("org.slf4j", "slf4j-simple", System.getProperty("slf4j.version")).noStart(),
                mavenBundle("org.osgi", "org.osgi.util.function", "1.2.0"),
                mavenBundle("org.osgi", "org.osgi.util.promise", "1.2.0"),
                mavenBundle("org.osgi", "org.osgi.service.component", "1.5.1"),
                mavenBundle("org.apache.felix", "org.apache.felix.scr", System.getProperty("felix.scr.version")),
                bundle(StrowgerArtifacts.bundleUrl("bundles/channel-api", "strowger-channel-api")),
                bundle(StrowgerArtifacts.bundleUrl("bundles/channel-core", "strowger-channel-core")),
                junitBundles());
    }

    public static String testTechnologyUrl() {
        return StrowgerArtifacts.bundleUrl("itests/test-technology", "strowger-test-technology");
    }
}
