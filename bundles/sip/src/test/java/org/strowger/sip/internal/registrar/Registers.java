package org.strowger.sip.internal.registrar;

import org.strowger.sip.internal.testing.MutableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * REGISTER requests for the registrar tests, written the way RegisterHandler makes them:
 * {@code register().contact("sip:a@h").expires(600).callId("c").cseq(2).build()}.
 * Registrar under test: default 3600 s, min 60 s, max 7200 s.
 */
final class Registers {

    static final Instant START = Instant.parse("2024-05-01T10:00:00Z");
    static final int DEFAULT = 3600;
    static final int MIN = 60;
    static final int MAX = 7200;

    private final List<ContactUpdate> contacts = new ArrayList<>();
    private boolean wildcard;
    private OptionalInt expires = OptionalInt.empty();
    private String callId = "call-1@phone";
    private long cseq = 1;
    private String source = "udp:192.0.2.10:5060";
    private String userAgent = "TestPhone/1.0";

    static Registrar registrar(MutableClock clock) {
        return new Registrar(clock, DEFAULT, MIN, MAX);
    }

    static Registers register() {
        return new Registers();
    }

    /** A contact without its own expires parameter. */
    Registers contact(String uri) {
        contacts.add(new ContactUpdate(uri, OptionalInt.empty()));
        return this;
    }

    /** A contact with {@code ;expires=seconds}. */
    Registers contact(String uri, int seconds) {
        contacts.add(new ContactUpdate(uri, OptionalInt.of(seconds)));
        return this;
    }

    /** {@code Contact: *}. */
    Registers wildcard() {
        wildcard = true;
        return this;
    }

    /** The Expires header. */
    Registers expires(int seconds) {
        expires = OptionalInt.of(seconds);
        return this;
    }

    Registers callId(String value) {
        callId = value;
        return this;
    }

    Registers cseq(long value) {
        cseq = value;
        return this;
    }

    Registers source(String value) {
        source = value;
        return this;
    }

    Registers userAgent(String value) {
        userAgent = value;
        return this;
    }

    RegisterRequest build() {
        return new RegisterRequest(contacts, wildcard, expires, callId, cseq, source, userAgent);
    }

    private Registers() {
    }
}
