package org.strowger.channel.shell;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.strowger.channel.CallStatistics;
import org.strowger.channel.ChannelState;
import org.strowger.channel.HangupCause;
import org.strowger.channel.lock.LockStatistics;

/** The commands wired to a fake core: what they print, what they ask of the core, how they fail. */
class CommandsTest {

    private static final Instant NOW = Instant.parse("2024-05-01T10:01:05Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final FakeChannel alice = new FakeChannel("SIP/alice-00000001").state(ChannelState.UP).createdAt(NOW);
    private final FakeChannelService core = new FakeChannelService(alice);
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

    @Test
    void channelsPrintsTheTableOrTheConciseLines() {
        ChannelsCommand command = new ChannelsCommand();
        command.channels = core;
        command.print(out, CLOCK);
        command.concise = true;
        command.print(out, CLOCK);

        assertThat(printed()).containsExactly(
                "Channel             Location     State  Application  Peer    Duration",
                "SIP/alice-00000001  s@default:1  Up     (None)       (None)  00:00:00",
                "1 active channel",
                "SIP/alice-00000001!default!s!1!Up!(None)!!!0!!1700000000.1");
    }

    @Test
    void channelShowsTheNamedChannel() {
        ChannelCommand command = new ChannelCommand();
        command.channels = core;
        command.name = "SIP/alice-00000001";
        command.print(out, CLOCK);

        assertThat(printed()).startsWith("Name:           SIP/alice-00000001").endsWith("Variables:", "  (none)");
    }

    @Test
    void channelFailsNamingAnUnknownChannel() {
        ChannelCommand command = new ChannelCommand();
        command.channels = core;
        command.name = "SIP/nobody-00000009";

        assertThatIllegalArgumentException().isThrownBy(() -> command.print(out, CLOCK))
                .withMessageStartingWith("No such channel: SIP/nobody-00000009");
        assertThat(printed()).isEmpty();
    }

    @Test
    void hangupUsesNormalClearingUnlessACauseIsGiven() {
        HangupCommand command = new HangupCommand();
        command.channels = core;
        command.name = "SIP/alice-00000001";
        command.print(out);

        assertThat(core.hangups).containsExactly(new FakeChannelService.Hangup(alice, HangupCause.NORMAL_CLEARING));
        assertThat(printed()).containsExactly("Hung up SIP/alice-00000001 (NORMAL_CLEARING (16))");
    }

    @Test
    void hangupPassesTheGivenCauseToTheCore() {
        HangupCommand command = new HangupCommand();
        command.channels = core;
        command.name = "SIP/alice-00000001";
        command.cause = "user_busy";
        command.print(out);

        assertThat(core.hangups).containsExactly(new FakeChannelService.Hangup(alice, HangupCause.USER_BUSY));
        assertThat(printed()).containsExactly("Hung up SIP/alice-00000001 (USER_BUSY (17))");
    }

    @Test
    void hangupWithABadCauseLeavesTheChannelUp() {
        HangupCommand command = new HangupCommand();
        command.channels = core;
        command.name = "SIP/alice-00000001";
        command.cause = "200";

        assertThatIllegalArgumentException().isThrownBy(() -> command.print(out))
                .withMessageStartingWith("Unknown hangup cause '200'");
        assertThat(core.hangups).isEmpty();
        assertThat(alice.isHungUp()).isFalse();
    }

    @Test
    void hangupFailsNamingAnUnknownChannel() {
        HangupCommand command = new HangupCommand();
        command.channels = core;
        command.name = "SIP/nobody-00000009";

        assertThatIllegalArgumentException().isThrownBy(() -> command.print(out))
                .withMessageStartingWith("No such channel: SIP/nobody-00000009");
        assertThat(core.hangups).isEmpty();
    }

    @Test
    void locksPrintsTheValidatorStatistics() {
        core.lockStatistics = new LockStatistics(false, 3, 2, 0, 0);
        LocksCommand command = new LocksCommand();
        command.channels = core;
        command.print(out);

        assertThat(printed()).contains("  Mode:               logging (violations are logged)", "  Lock classes seen:  3");
    }

    @Test
    void statusPrintsTheOverviewWithTheContributorsPresentNow() {
        core.callStatistics = new CallStatistics(NOW.minusSeconds(65), 0, 3);
        StatusCommand command = new StatusCommand();
        command.channels = core;
        command.print(out, CLOCK);
        command.contributors = java.util.List.of(new StatusReportTest.Fixed("SIP", java.util.List.of("1 endpoint")));
        command.print(out, CLOCK);

        assertThat(printed()).containsSubsequence("Strowger 0.1.0", "  Uptime:             00:01:05 (since 2024-05-01T10:00:00Z)",
                "  Live channels:      1", "  Calls processed:    3 (bridges made since start)", "Lock-order validator:",
                "Strowger 0.1.0", "SIP:", "  1 endpoint", "Lock-order validator:");
        assertThat(printed()).containsOnlyOnce("SIP:");
    }

    private java.util.List<String> printed() {
        return printed.toString(StandardCharsets.UTF_8).lines().toList();
    }
}
