package org.strowger.pbx.internal.config;

import java.util.Objects;

/** Where a dialplan line was written. Line 0 means the file as a whole (it could not be read). */
public record SourceLocation(String file, int line) {

    public SourceLocation {
        Objects.requireNonNull(file, "file");
    }

    /** {@code file:line}, the form editors and compilers use. */
    @Override
    public String toString() {
        return file + ":" + line;
    }
}
