package org.strowger.pbx.internal.config;

import java.util.Objects;

/**
 * {@code include => context[,times,weekdays,mdays,months[,tz]]}.
 *
 * @param timeWindow the raw window after the first comma ({@code 9:00-17:00,mon-fri,*,*}), or
 *     {@code null}; not interpreted yet
 */
public record IncludeLine(String context, String timeWindow, SourceLocation at) {

    public IncludeLine {
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(at, "at");
    }
}
