package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;

class ChangeNameTest {

    private final CoreFixture fixture = new CoreFixture();
    private final ChannelCore core = fixture.core;

    @AfterEach
    void stop() {
        assertThat(core.invariantViolations()).isEmpty();
        core.stop();
    }

    @Test
    void aRenamedChannelIsFoundByItsNewNameOnly() {
        Channel alice = fixture.request("alice");
        String old = alice.name();

        core.changeName(alice, "Test/parked-701");

        assertThat(alice.name()).isEqualTo("Test/parked-701");
        assertThat(core.findByName("Test/parked-701")).containsSame(alice);
        assertThat(core.findByName(old)).isEmpty();
        assertThat(core.findByUniqueId(alice.uniqueId())).containsSame(alice);
    }

    @Test
    void aNameInUseIsRefusedAndBothChannelsKeepTheirs() {
        Channel alice = fixture.request("alice");
        Channel bob = fixture.request("bob");
        String aliceName = alice.name();

        assertThatThrownBy(() -> core.changeName(alice, bob.name())).hasMessageContaining("another channel has that name");

        assertThat(core.findByName(aliceName)).containsSame(alice);
        assertThat(core.findByName(bob.name())).containsSame(bob);
    }

    @Test
    void aHungUpChannelCannotBeRenamedBackIntoTheContainer() {
        Channel alice = fixture.request("alice");
        core.hangup(alice, HangupCause.NORMAL_CLEARING);

        assertThatThrownBy(() -> core.changeName(alice, "Test/ghost")).hasMessageContaining("hung up");
        assertThat(core.findByName("Test/ghost")).isEmpty();
    }

    @Test
    void aNameMustLookLikeAChannelName() {
        Channel alice = fixture.request("alice");

        assertThatThrownBy(() -> core.changeName(alice, "no-slash")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> core.changeName(alice, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
