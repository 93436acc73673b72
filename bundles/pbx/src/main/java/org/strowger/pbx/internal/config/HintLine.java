package org.strowger.pbx.internal.config;

import java.util.Objects;

/** {@code exten => 101,hint,PJSIP/alice&PJSIP/alice-mobile}: devices is everything after {@code hint,}, raw. */
public record HintLine(String extension, String devices, SourceLocation at) {

    public HintLine {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(devices, "devices");
        Objects.requireNonNull(at, "at");
    }
}
