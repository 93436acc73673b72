package org.strowger.channel;

import java.util.Objects;

/**
 * A position in the dialplan: {@code extension@context:priority}.
 *
 * @param context the dialplan context
 * @param extension the extension in that context
 * @param priority the step of that extension, from 1
 */
public record DialplanLocation(String context, String extension, int priority) {

    /** Where a channel starts before the dialplan gives it a place. */
    public static final DialplanLocation NONE = new DialplanLocation("default", "s", 1);

    public DialplanLocation {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(extension, "extension");
        if (priority < 1) {
            throw new IllegalArgumentException("priority must be 1 or more, was " + priority);
        }
    }

    @Override
    public String toString() {
        return extension + "@" + context + ":" + priority;
    }
}
