package org.strowger.itests.karaf;

import java.io.File;

/**
 * Where the reactor's own artifacts are, so that tests run on {@code mvn verify} without an
 * {@code install}. Read in the test JVM (failsafe sets the properties), not in the container.
 */
final class StrowgerArtifacts {

    private StrowgerArtifacts() {
    }

    static String version() {
        return required("strowger.version");
    }

    static File distributionTarGz() {
        return existing(new File(root(), "distribution/target/strowger-distribution-" + version() + ".tar.gz"));
    }

    static File testTechnologyJar() {
        return existing(new File(root(), "itests/test-technology/target/strowger-test-technology-" + version() + ".jar"));
    }

    /** The example bundle that adds the Hello application and the REVERSE function. */
    static File helloApplicationExampleJar() {
        return existing(new File(root(), "examples/hello-application/target/hello-application-0.1.0-SNAPSHOT.jar"));
    }

    /** The example bundle that adds the Tone channel technology. */
    static File toneTechnologyExampleJar() {
        return existing(new File(root(), "examples/tone-technology/target/tone-technology-0.1.0-SNAPSHOT.jar"));
    }

    private static File root() {
        return new File(required("strowger.root"));
    }

    private static File existing(File file) {
        if (!file.isFile()) {
            throw new IllegalStateException("missing " + file + ": build it first (mvn verify at the root)");
        }
        return file;
    }

    private static String required(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("system property " + property + " is not set; run through Maven failsafe");
        }
        return value;
    }
}
