package org.strowger.sip.internal.registrar;

import org.strowger.sip.internal.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.strowger.sip.internal.registrar.Registers.START;
import static org.strowger.sip.internal.registrar.Registers.register;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RegistrarExpiryTest {

    private final MutableClock clock = new MutableClock(START);
    private final Registrar registrar = Registers.registrar(clock);

    @Test
    void aBindingIsLiveUntilItsExpiryAndGoneFromThen() {
        registrar.register("alice", 1, register().contact("sip:alice@desk", 120).build());

        clock.advance(Duration.ofSeconds(119));
        assertThat(registrar.bindings("alice")).hasSize(1);
        assertThat(registrar.latest("alice")).isPresent();

        clock.advance(Duration.ofSeconds(1));
        assertThat(registrar.bindings("alice")).isEmpty();
        assertThat(registrar.latest("alice")).isEmpty();
        assertThat(registrar.all()).isEmpty();
    }

    @Test
    void secondsCountsDownToZero() {
        registrar.register("alice", 1, register().contact("sip:alice@desk", 120).build());
        Binding binding = registrar.bindings("alice").get(0);

        assertThat(registrar.seconds(binding)).isEqualTo(120);
        clock.advance(Duration.ofSeconds(50));
        assertThat(registrar.seconds(binding)).isEqualTo(70);
        clock.advance(Duration.ofSeconds(500));
        assertThat(registrar.seconds(binding)).isZero();
    }

    @Test
    void anExpiredContactRegisteredAgainIsANewBinding() {
        registrar.register("alice", 1, register().contact("sip:alice@desk", 120).callId("reg").cseq(5).build());
        clock.advance(Duration.ofSeconds(300));

        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk", 120)
                .callId("reg").cseq(1).build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(registrar.bindings("alice")).singleElement()
                .extracting(Binding::registeredAt).isEqualTo(START.plusSeconds(300));
    }

    @Test
    void sweepDropsExpiredBindingsAndCountsThem() {
        registrar.register("alice", 2, register().contact("sip:alice@short", 60).contact("sip:alice@long", 600).build());
        registrar.register("bob", 1, register().contact("sip:bob@short", 60).build());
        clock.advance(Duration.ofSeconds(61));

        int removed = registrar.sweep(name -> true);

        assertThat(removed).isEqualTo(2);
        assertThat(registrar.all()).extracting(Binding::contact).containsExactly("sip:alice@long");
    }

    @Test
    void sweepDropsTheBindingsOfEndpointsThatNoLongerExist() {
        registrar.register("alice", 1, register().contact("sip:alice@desk").build());
        registrar.register("bob", 2, register().contact("sip:bob@desk").contact("sip:bob@mobile").build());

        int removed = registrar.sweep(name -> name.equals("alice"));

        assertThat(removed).isEqualTo(2);
        assertThat(registrar.bindings("bob")).isEmpty();
        assertThat(registrar.latest("bob")).isEmpty();
        assertThat(registrar.bindings("alice")).hasSize(1);
    }

    @Test
    void sweepWithNothingToDoRemovesNothing() {
        registrar.register("alice", 1, register().contact("sip:alice@desk").build());

        assertThat(registrar.sweep(name -> true)).isZero();
        assertThat(registrar.bindings("alice")).hasSize(1);
    }

    @Test
    void allListsLiveBindingsByEndpointName() {
        registrar.register("carol", 1, register().contact("sip:carol@desk").build());
        registrar.register("alice", 1, register().contact("sip:alice@desk").build());

        assertThat(registrar.all()).extracting(Binding::endpoint).containsExactly("alice", "carol");
    }

    @Test
    void expirySettingsOutOfOrderAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new Registrar(clock, 3600, 0, 7200));
        assertThatIllegalArgumentException().isThrownBy(() -> new Registrar(clock, 3600, 60, 30));
        assertThatIllegalArgumentException().isThrownBy(() -> new Registrar(clock, 30, 60, 7200));
        assertThatIllegalArgumentException().isThrownBy(() -> new Registrar(clock, 9000, 60, 7200));
    }
}
