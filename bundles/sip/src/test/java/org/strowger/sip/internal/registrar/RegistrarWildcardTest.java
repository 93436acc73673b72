package org.strowger.sip.internal.registrar;

import org.strowger.sip.internal.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.sip.internal.registrar.Registers.START;
import static org.strowger.sip.internal.registrar.Registers.register;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RegistrarWildcardTest {

    private final MutableClock clock = new MutableClock(START);
    private final Registrar registrar = Registers.registrar(clock);

    @BeforeEach
    void aliceHasTwoContacts() {
        registrar.register("alice", 2, register().contact("sip:alice@desk").callId("desk").cseq(10).build());
        registrar.register("alice", 2, register().contact("sip:alice@mobile").callId("mobile").cseq(20).build());
    }

    @Test
    void starWithExpiresZeroRemovesEveryBinding() {
        RegisterOutcome outcome = registrar.register("alice", 2, register().wildcard().expires(0).callId("other").build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.bindings()).isEmpty();
        assertThat(registrar.bindings("alice")).isEmpty();
        assertThat(registrar.latest("alice")).isEmpty();
    }

    @Test
    void starWithoutExpiresIs400AndRemovesNothing() {
        RegisterOutcome outcome = registrar.register("alice", 2, register().wildcard().callId("other").build());

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(registrar.bindings("alice")).hasSize(2);
    }

    @Test
    void starWithNonZeroExpiresIs400() {
        RegisterOutcome outcome = registrar.register("alice", 2, register().wildcard().expires(3600).callId("other").build());

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(registrar.bindings("alice")).hasSize(2);
    }

    @Test
    void starWithAnotherContactIs400() {
        RegisterOutcome outcome = registrar.register("alice", 2, register().wildcard().contact("sip:alice@desk")
                .expires(0).callId("other").build());

        assertThat(outcome.status()).isEqualTo(400);
        assertThat(registrar.bindings("alice")).hasSize(2);
    }

    @Test
    void starOfTheSameCallIdWithAnOlderCSeqIsRefusedAndRemovesNothing() {
        // RFC 3261 10.3 step 6: a binding of the same Call-ID goes only if the request's CSeq is higher
        RegisterOutcome outcome = registrar.register("alice", 2, register().wildcard().expires(0)
                .callId("mobile").cseq(19).build());

        assertThat(outcome.status()).isEqualTo(500);
        assertThat(registrar.bindings("alice")).hasSize(2);
    }

    @Test
    void starOfTheSameCallIdWithAHigherCSeqRemovesEverything() {
        RegisterOutcome outcome = registrar.register("alice", 2, register().wildcard().expires(0)
                .callId("mobile").cseq(21).build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(registrar.bindings("alice")).isEmpty();
    }
}
