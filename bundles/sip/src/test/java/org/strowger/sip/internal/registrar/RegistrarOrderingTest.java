package org.strowger.sip.internal.registrar;

import org.strowger.sip.internal.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.sip.internal.registrar.Registers.START;
import static org.strowger.sip.internal.registrar.Registers.register;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RFC 3261 10.3 step 7: within one Call-ID a REGISTER whose CSeq is not higher is refused. */
class RegistrarOrderingTest {

    private final MutableClock clock = new MutableClock(START);
    private final Registrar registrar = Registers.registrar(clock);

    @BeforeEach
    void aliceRegisteredWithCSeq5() {
        registrar.register("alice", 1, register().contact("sip:alice@desk").callId("reg").cseq(5).expires(600).build());
    }

    @Test
    void anOlderCSeqOfTheSameCallIdIsRefusedAndChangesNothing() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk")
                .callId("reg").cseq(4).expires(3000).build());

        assertThat(outcome.status()).isEqualTo(500);
        assertThat(registrar.bindings("alice")).singleElement().satisfies(binding -> {
            assertThat(binding.cseq()).isEqualTo(5);
            assertThat(binding.expiresAt()).isEqualTo(START.plusSeconds(600));
        });
    }

    @Test
    void theSameCSeqOfTheSameCallIdIsRefused() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk")
                .callId("reg").cseq(5).expires(3000).build());

        assertThat(outcome.status()).isEqualTo(500);
    }

    @Test
    void anOlderUnregisterOfTheSameCallIdDoesNotRemoveTheBinding() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk", 0)
                .callId("reg").cseq(3).build());

        assertThat(outcome.status()).isEqualTo(500);
        assertThat(registrar.bindings("alice")).hasSize(1);
    }

    @Test
    void aHigherCSeqOfTheSameCallIdUpdates() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk")
                .callId("reg").cseq(6).expires(3000).build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(registrar.bindings("alice")).singleElement()
                .extracting(Binding::expiresAt).isEqualTo(START.plusSeconds(3000));
    }

    @Test
    void anotherCallIdUpdatesWhateverItsCSeq() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk")
                .callId("after-reboot").cseq(1).expires(3000).build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(registrar.bindings("alice")).singleElement().satisfies(binding -> {
            assertThat(binding.callId()).isEqualTo("after-reboot");
            assertThat(binding.cseq()).isEqualTo(1);
        });
    }
}
