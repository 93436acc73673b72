package org.strowger.sip.internal.registrar;

import java.util.OptionalInt;

/** One Contact of a REGISTER: its URI and its own expires parameter, if it has one. */
public record ContactUpdate(String contact, OptionalInt expires) {
}
