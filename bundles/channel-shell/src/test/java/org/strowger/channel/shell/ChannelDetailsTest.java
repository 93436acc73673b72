package org.strowger.channel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.strowger.channel.CallerId;
import org.strowger.channel.ChannelState;
import org.strowger.channel.DialplanLocation;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Codec;

class ChannelDetailsTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:01:05Z");
    private static final Clock UTC = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void showsEveryFieldThenTheVariablesSortedByName() {
        FakeChannel alice = new FakeChannel("SIP/alice-00000001").uniqueId("1714557600.1")
                .state(ChannelState.UP).dialedNumber("1002").createdAt(NOW.minusMillis(65_250))
                .nativeFormats(EnumSet.of(Codec.SLIN, Codec.ALAW, Codec.ULAW));
        alice.setCallerId(new CallerId("1001", "Alice"));
        alice.setLocation(new DialplanLocation("internal", "1002", 2));
        alice.setApplication("Dial", "SIP/bob,30");
        alice.setReadFormat(Codec.ALAW);
        alice.setVariable("DIALSTATUS", "ANSWER");
        alice.setVariable("CDR_ACCOUNT", "sales");
        FakeChannel.bridge("b-1", alice, new FakeChannel("SIP/bob-00000002"));

        assertThat(new ChannelDetails(alice, UTC).render().lines()).containsExactly(
                "Name:           SIP/alice-00000001",
                "UniqueID:       1714557600.1",
                "Technology:     SIP",
                "State:          Up",
                "Caller ID:      \"Alice\" <1001>",
                "Dialed number:  1002",
                "Location:       1002@internal:2",
                "Application:    Dial",
                "Data:           SIP/bob,30",
                "Native formats: ulaw|alaw|slin",
                "Read format:    alaw",
                "Write format:   ulaw",
                "Bridged to:     SIP/bob-00000002 (bridge b-1)",
                "Created:        2024-05-01T09:59:59Z (00:01:05 ago)",
                "Hung up:        no",
                "Zombie:         no",
                "Variables:",
                "  CDR_ACCOUNT=sales",
                "  DIALSTATUS=ANSWER");
    }

    @Test
    void showsNoneForWhatIsEmptyAndSaysSoWhenThereAreNoVariables() {
        FakeChannel idle = new FakeChannel("Local/100@default-00000003").createdAt(NOW)
                .nativeFormats(EnumSet.noneOf(Codec.class));

        assertThat(new ChannelDetails(idle, UTC).render().lines()).contains(
                "Caller ID:      <unknown>",
                "Dialed number:  (None)",
                "Application:    (None)",
                "Data:           (None)",
                "Native formats: (None)",
                "Bridged to:     (None)",
                "Variables:",
                "  (none)");
    }

    @Test
    void givesTheHangupCauseOfAHungUpChannelAndFlagsAZombie() {
        FakeChannel leftover = new FakeChannel("SIP/alice-00000001<ZOMBIE>").createdAt(NOW)
                .hungUp(HangupCause.USER_BUSY).zombie();

        assertThat(new ChannelDetails(leftover, UTC).render().lines()).contains(
                "Hung up:        yes, USER_BUSY (17): User busy",
                "Zombie:         yes");
    }

    @Test
    void showsTheCreationTimeInTheClocksZoneWithItsOffset() {
        FakeChannel alice = new FakeChannel("SIP/alice-00000001").createdAt(NOW.minusSeconds(3600));
        Clock paris = Clock.fixed(NOW, ZoneId.of("Europe/Paris"));

        assertThat(new ChannelDetails(alice, paris).render().lines())
                .contains("Created:        2024-05-01T11:01:05+02:00 (01:00:00 ago)");
    }
}
