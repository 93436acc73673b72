package org.strowger.itests.felix.sip;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where runs leave their files: {@code target/wire-runs/} of the module being tested (failsafe
 * runs in the module's directory), so that logs survive the run for inspection and go away with
 * {@code mvn clean}; the system temp dir when there is no {@code target} (e.g. from an IDE
 * elsewhere). The property {@code strowger.wire.dir} names another parent.
 */
final class WorkDirs {

    private WorkDirs() {
    }

    static Path create(String prefix) throws IOException {
        String configured = System.getProperty("strowger.wire.dir");
        Path parent;
        if (configured != null) {
            parent = Path.of(configured);
        } else if (Files.isDirectory(Path.of("target"))) {
            parent = Path.of("target", "wire-runs");
        } else {
            return Files.createTempDirectory(prefix);
        }
        Files.createDirectories(parent);
        return Files.createTempDirectory(parent.toAbsolutePath(), prefix);
    }
}
