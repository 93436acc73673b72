package org.strowger.sip.internal.registrar;

import org.strowger.sip.internal.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.sip.internal.registrar.Registers.START;
import static org.strowger.sip.internal.registrar.Registers.register;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RegistrarExpiresTest {

    private final MutableClock clock = new MutableClock(START);
    private final Registrar registrar = Registers.registrar(clock);

    @Test
    void theContactsOwnExpiresWinsOverTheExpiresHeader() {
        registrar.register("alice", 1, register().contact("sip:alice@desk", 300).expires(900).build());

        assertThat(registrar.bindings("alice")).singleElement()
                .extracting(Binding::expiresAt).isEqualTo(START.plusSeconds(300));
    }

    @Test
    void theExpiresHeaderAppliesToContactsWithoutTheirOwn() {
        registrar.register("alice", 2, register().contact("sip:alice@desk", 120).contact("sip:alice@mobile")
                .expires(900).build());

        assertThat(registrar.bindings("alice")).extracting(Binding::contact, Binding::expiresAt)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("sip:alice@desk", START.plusSeconds(120)),
                        org.assertj.core.groups.Tuple.tuple("sip:alice@mobile", START.plusSeconds(900)));
    }

    @Test
    void theDefaultAppliesWhenNeitherContactNorHeaderSaysHowLong() {
        registrar.register("alice", 1, register().contact("sip:alice@desk").build());

        assertThat(registrar.bindings("alice")).singleElement()
                .extracting(Binding::expiresAt).isEqualTo(START.plusSeconds(Registers.DEFAULT));
    }

    @Test
    void aContactExpiresLongerThanTheMaximumIsClampedToIt() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk", 100_000).build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(registrar.bindings("alice")).singleElement()
                .extracting(Binding::expiresAt).isEqualTo(START.plusSeconds(Registers.MAX));
    }

    @Test
    void anExpiresHeaderLongerThanTheMaximumIsClampedToIt() {
        registrar.register("alice", 1, register().contact("sip:alice@desk").expires(99_999).build());

        assertThat(registrar.seconds(registrar.bindings("alice").get(0))).isEqualTo(Registers.MAX);
    }

    @Test
    void aContactExpiresShorterThanTheMinimumGets423WithTheMinimum() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk", 30).build());

        assertThat(outcome.status()).isEqualTo(423);
        assertThat(outcome.minExpires()).isEqualTo(Registers.MIN);
        assertThat(outcome.bindings()).isEmpty();
        assertThat(registrar.bindings("alice")).isEmpty();
    }

    @Test
    void anExpiresHeaderShorterThanTheMinimumGets423() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk").expires(59).build());

        assertThat(outcome.status()).isEqualTo(423);
        assertThat(outcome.minExpires()).isEqualTo(Registers.MIN);
    }

    @Test
    void exactlyTheMinimumIsAccepted() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk", Registers.MIN).build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(registrar.bindings("alice")).hasSize(1);
    }

    @Test
    void a423LeavesTheExistingBindingsAsTheyWere() {
        registrar.register("alice", 2, register().contact("sip:alice@desk").cseq(1).build());

        RegisterOutcome outcome = registrar.register("alice", 2, register().contact("sip:alice@mobile")
                .contact("sip:alice@desk", 10).cseq(2).build());

        assertThat(outcome.status()).isEqualTo(423);
        assertThat(registrar.bindings("alice")).singleElement().satisfies(binding -> {
            assertThat(binding.contact()).isEqualTo("sip:alice@desk");
            assertThat(binding.cseq()).isEqualTo(1);
        });
    }

    @Test
    void expiresZeroOnOneContactRemovesOnlyThatContact() {
        registrar.register("alice", 2, register().contact("sip:alice@desk").contact("sip:alice@mobile").cseq(1).build());
        clock.advance(Duration.ofSeconds(10));

        RegisterOutcome outcome = registrar.register("alice", 2, register().contact("sip:alice@desk", 0).cseq(2).build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.bindings()).extracting(Binding::contact).containsExactly("sip:alice@mobile");
        assertThat(registrar.bindings("alice")).extracting(Binding::contact).containsExactly("sip:alice@mobile");
    }

    @Test
    void expiresHeaderZeroRemovesAContactWithoutItsOwnExpires() {
        registrar.register("alice", 1, register().contact("sip:alice@desk").cseq(1).build());

        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@desk").expires(0).cseq(2).build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.bindings()).isEmpty();
        assertThat(registrar.bindings("alice")).isEmpty();
        assertThat(registrar.latest("alice")).isEmpty();
    }

    @Test
    void expiresZeroIsNeverTooBrief() {
        RegisterOutcome outcome = registrar.register("alice", 1, register().contact("sip:alice@nowhere", 0).build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(registrar.bindings("alice")).isEmpty();
    }

    @Test
    void newExpiryLimitsApplyToTheNextRegisterAndBindingsMadeAlreadyKeepTheirs() {
        registrar.register("alice", 1, register().contact("sip:alice@desk").build());

        registrar.setExpiries(600, 120, 900);
        RegisterOutcome tooBrief = registrar.register("bob", 1, register().contact("sip:bob@desk", 100).build());
        registrar.register("carol", 1, register().contact("sip:carol@desk").build());
        registrar.register("dave", 1, register().contact("sip:dave@desk", 5000).build());

        assertThat(registrar.bindings("alice")).singleElement()
                .extracting(Binding::expiresAt).isEqualTo(START.plusSeconds(Registers.DEFAULT));
        assertThat(tooBrief.status()).isEqualTo(423);
        assertThat(tooBrief.minExpires()).isEqualTo(120);
        assertThat(registrar.seconds(registrar.bindings("carol").get(0))).isEqualTo(600);
        assertThat(registrar.seconds(registrar.bindings("dave").get(0))).isEqualTo(900);
    }

    @Test
    void expiryLimitsOutOfOrderAreRefusedAndTheOldOnesStay() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registrar.setExpiries(30, 60, 7200))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("min (60)");

        registrar.register("alice", 1, register().contact("sip:alice@desk").build());
        assertThat(registrar.seconds(registrar.bindings("alice").get(0))).isEqualTo(Registers.DEFAULT);
    }
}
