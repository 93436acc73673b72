package org.strowger.itests.felix;

import java.io.File;

/**
 * Where the reactor's own artifacts are, so that tests run on {@code mvn verify} without an
 * {@code install}: Pax Exam's mvn: URLs would not see artifacts that were never installed.
 */
public final class StrowgerArtifacts {

    private StrowgerArtifacts() {
    }

    public static String version() {
        return required("strowger.version");
    }

    /** A file: URL of a module's built jar, for example {@code bundles/channel-api}. */
    public static String bundleUrl(String modulePath, String artifactId) {
        File jar = new File(required("strowger.root"), modulePath + "/target/" + artifactId + "-" + version() + ".jar");
        if (!jar.isFile()) {
            throw new IllegalStateException("missing " + jar + ": build the module first (mvn verify at the root)");
        }
        return jar.toURI().toString();
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run through Maven failsafe");
        }
        return value;
    }
}
