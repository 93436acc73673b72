package org.strowger.pbx.internal.apps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.internal.service.PbxConfig;

/**
 * The prompts on disk: {@code <sounds>/<language>/<name>.ulaw}, raw G.711 µ-law at 8000
 * samples/s. A name may include sub-folders ({@code digits/1}) but never leave the sounds folder.
 */
@Component(service = Sounds.class, configurationPid = "org.strowger.pbx")
public class Sounds {

    private final Path root;
    private final String language;

    @Activate
    public Sounds(PbxConfig config) {
        this(resolve(config.soundsDirectory()), config.language());
    }

    public Sounds(Path root, String language) {
        this.root = root.toAbsolutePath().normalize();
        this.language = language;
    }

    private static Path resolve(String folder) {
        Path path = Path.of(folder);
        return path.isAbsolute() ? path : Path.of(System.getProperty("karaf.home", ".")).resolve(path);
    }

    /** The prompt's µ-law bytes, or empty when there is no such prompt (or the name tries to leave the folder). */
    Optional<byte[]> load(String name) throws IOException {
        String file = name.endsWith(".ulaw") ? name : name + ".ulaw";
        Path path = root.resolve(language).resolve(file).normalize();
        if (!path.startsWith(root) || !Files.isRegularFile(path)) {
            return Optional.empty();
        }
        return Optional.of(Files.readAllBytes(path));
    }

    /** Where a recording of this name goes (created if needed); empty for a name that leaves the folder. */
    Optional<Path> recordingPath(String name) throws IOException {
        Path path = root.resolve("recordings").resolve(name.endsWith(".ulaw") ? name : name + ".ulaw").normalize();
        if (!path.startsWith(root.resolve("recordings"))) {
            return Optional.empty();
        }
        Files.createDirectories(path.getParent());
        return Optional.of(path);
    }
}
