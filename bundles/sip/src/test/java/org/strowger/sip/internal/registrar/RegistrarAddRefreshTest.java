package org.strowger.sip.internal.registrar;

import org.strowger.sip.internal.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.sip.internal.registrar.Registers.START;
import static org.strowger.sip.internal.registrar.Registers.register;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RegistrarAddRefreshTest {

    private final MutableClock clock = new MutableClock(START);
    private final Registrar registrar = Registers.registrar(clock);

    @Test
    void firstRegisterAddsABindingCarryingEverythingTheRequestSaid() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@192.0.2.10:5060")
                .callId("reg-1").cseq(7).source("udp:192.0.2.10:5060").userAgent("Phone/2").build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.bindings()).containsExactly(new Binding("alice", "sip:alice@192.0.2.10:5060",
                "udp:192.0.2.10:5060", START.plusSeconds(Registers.DEFAULT), "Phone/2", "reg-1", 7, START));
        assertThat(registrar.bindings("alice")).isEqualTo(outcome.bindings());
    }

    @Test
    void refreshOfTheSameContactKeepsOneBindingWithANewExpiryAndItsFirstRegistrationTime() {
        registrar.register("alice", 1, register().contact("sip:alice@192.0.2.10").cseq(1).build());
        clock.advance(Duration.ofSeconds(1000));

        RegisterOutcome refresh = registrar.register("alice", 1, register().contact("sip:alice@192.0.2.10")
                .cseq(2).source("udp:192.0.2.10:6000").build());

        assertThat(refresh.status()).isEqualTo(200);
        assertThat(registrar.bindings("alice")).singleElement().satisfies(binding -> {
            assertThat(binding.expiresAt()).isEqualTo(START.plusSeconds(1000 + Registers.DEFAULT));
            assertThat(binding.registeredAt()).isEqualTo(START);
            assertThat(binding.cseq()).isEqualTo(2);
            assertThat(binding.source()).isEqualTo("udp:192.0.2.10:6000");
        });
    }

    @Test
    void theOutcomeListsEveryBindingOfTheEndpointNotOnlyTheNewOne() {
        registrar.register("alice", 2, register().contact("sip:alice@desk").callId("desk").build());
        clock.advance(Duration.ofSeconds(1));

        RegisterOutcome outcome = registrar.register("alice", 2, register().contact("sip:alice@mobile")
                .callId("mobile").build());

        assertThat(outcome.bindings()).extracting(Binding::contact).containsExactly("sip:alice@desk", "sip:alice@mobile");
    }

    @Test
    void aRegisterWithoutContactsOnlyListsTheBindings() {
        registrar.register("alice", 1, register().contact("sip:alice@desk").cseq(1).build());

        RegisterOutcome query = registrar.register("alice", 1, register().cseq(2).build());

        assertThat(query.status()).isEqualTo(200);
        assertThat(query.bindings()).extracting(Binding::contact).containsExactly("sip:alice@desk");
        assertThat(registrar.bindings("alice")).hasSize(1);
    }

    @Test
    void endpointsHaveSeparateBindings() {
        registrar.register("alice", 1, register().contact("sip:alice@desk").build());
        registrar.register("bob", 1, register().contact("sip:bob@desk").build());

        assertThat(registrar.bindings("alice")).extracting(Binding::contact).containsExactly("sip:alice@desk");
        assertThat(registrar.bindings("bob")).extracting(Binding::contact).containsExactly("sip:bob@desk");
        assertThat(registrar.bindings("carol")).isEmpty();
    }
}
