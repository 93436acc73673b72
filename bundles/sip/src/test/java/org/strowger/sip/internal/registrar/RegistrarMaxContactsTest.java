package org.strowger.sip.internal.registrar;

import org.strowger.sip.internal.testing.MutableClock;
import static org.assertj.core.api.Assertions.assertThat;
import static org.strowger.sip.internal.registrar.Registers.START;
import static org.strowger.sip.internal.registrar.Registers.register;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RegistrarMaxContactsTest {

    private final MutableClock clock = new MutableClock(START);
    private final Registrar registrar = Registers.registrar(clock);

    private void registerAt(String contact, String callId, int maxContacts) {
        registrar.register("alice", maxContacts, register().contact(contact).callId(callId).build());
        clock.advance(Duration.ofSeconds(1));
    }

    @Test
    void aContactBeyondTheMaximumEvictsTheOldest() {
        registerAt("sip:alice@one", "one", 2);
        registerAt("sip:alice@two", "two", 2);

        RegisterOutcome outcome = registrar.register("alice", 2, register().contact("sip:alice@three").callId("three").build());

        assertThat(outcome.status()).isEqualTo(200);
        assertThat(outcome.bindings()).extracting(Binding::contact).containsExactly("sip:alice@two", "sip:alice@three");
        assertThat(registrar.bindings("alice")).extracting(Binding::contact).containsExactly("sip:alice@two", "sip:alice@three");
    }

    @Test
    void withOneContactAllowedANewContactReplacesTheOldOne() {
        registerAt("sip:alice@192.0.2.10", "first", 1);

        registerAt("sip:alice@198.51.100.7", "after-reboot", 1);

        assertThat(registrar.bindings("alice")).extracting(Binding::contact).containsExactly("sip:alice@198.51.100.7");
    }

    @Test
    void refreshingAContactDoesNotCountAsAnotherOne() {
        registerAt("sip:alice@one", "one", 2);
        registerAt("sip:alice@two", "two", 2);

        registrar.register("alice", 2, register().contact("sip:alice@one").callId("one").cseq(2).build());

        assertThat(registrar.bindings("alice")).extracting(Binding::contact).containsExactly("sip:alice@one", "sip:alice@two");
    }

    @Test
    void latestIsTheMostRecentlyRegisteredLiveContact() {
        registerAt("sip:alice@one", "one", 2);
        registerAt("sip:alice@two", "two", 2);

        assertThat(registrar.latest("alice")).map(Binding::contact).contains("sip:alice@two");
    }

    @Test
    void refreshingAnOlderContactDoesNotMakeItTheLatest() {
        registerAt("sip:alice@one", "one", 2);
        registerAt("sip:alice@two", "two", 2);

        registrar.register("alice", 2, register().contact("sip:alice@one").callId("one").cseq(2).build());

        assertThat(registrar.latest("alice")).map(Binding::contact).contains("sip:alice@two");
    }

    @Test
    void latestFallsBackToTheOlderContactWhenTheNewerUnregisters() {
        registerAt("sip:alice@one", "one", 2);
        registerAt("sip:alice@two", "two", 2);

        registrar.register("alice", 2, register().contact("sip:alice@two", 0).callId("two").cseq(2).build());

        assertThat(registrar.latest("alice")).map(Binding::contact).contains("sip:alice@one");
    }

    @Test
    void latestIsEmptyForAnEndpointThatNeverRegistered() {
        assertThat(registrar.latest("nobody")).isEmpty();
    }
}
