package org.strowger.pbx.internal.config;

import java.util.Objects;

/**
 * One executable dialplan step: {@code exten => 100/555,2(retry),Dial(PJSIP/alice,30)}.
 *
 * @param extension the extension name as written ({@code 100}, {@code _NXX-XXXX}), never substituted
 * @param callerIdMatch the caller-ID match after {@code /} with phone punctuation removed; {@code null}
 *     if none; {@code ""} (written {@code 100/}) matches only calls without a caller ID
 * @param priority the resolved priority, 1 or more
 * @param label the label written in parentheses after the priority, or {@code null}
 * @param application the application name as written (application names are case-insensitive)
 * @param data the raw text between the first {@code (} and the last {@code )}; {@code ""} if none
 * @param at where the line was written
 */
public record PriorityLine(String extension, String callerIdMatch, int priority, String label,
        String application, String data, SourceLocation at) {

    public PriorityLine {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(application, "application");
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(at, "at");
    }
}
