package org.strowger.pbx.internal.config;

import java.util.Objects;

/** One problem found while loading a dialplan; the message says what was wrong and what was expected. */
public record Diagnostic(Severity severity, SourceLocation at, String message) {

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(message, "message");
    }

    public static Diagnostic error(SourceLocation at, String message) {
        return new Diagnostic(Severity.ERROR, at, message);
    }

    public static Diagnostic warning(SourceLocation at, String message) {
        return new Diagnostic(Severity.WARNING, at, message);
    }

    /** {@code file:line: message} for errors, {@code file:line: warning: message} for warnings. */
    @Override
    public String toString() {
        return at + (severity == Severity.WARNING ? ": warning: " : ": ") + message;
    }
}
