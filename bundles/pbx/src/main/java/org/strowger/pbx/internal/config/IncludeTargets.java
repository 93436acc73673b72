package org.strowger.pbx.internal.config;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.stream.Stream;

/** Turns the argument of {@code #include} into files: relative to the including file, globs expanded. */
final class IncludeTargets {

    private IncludeTargets() {
    }

    static boolean isGlob(String name) {
        return name.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /** The regular files a glob names, sorted by path like glob(3); none if nothing matches. */
    static List<Path> expand(Path directory, String glob) throws IOException {
        Path pattern = directory.resolve(glob).normalize();
        Path root = pattern;
        int depth = 0;
        while (root != null && isGlob(root.toString())) {
            root = root.getParent();
            depth++;
        }
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        String syntax = pattern.toString().replace("\\", "\\\\");
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + syntax);
        try (Stream<Path> found = Files.walk(root, depth)) {
            return found.filter(matcher::matches).filter(Files::isRegularFile).sorted().toList();
        }
    }
}
