package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.CallStatistics;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;

/** The status counters: bridges up now and bridges made since start, whichever way a bridge ends. */
class CallStatisticsTest {

    private final Instant before = Instant.now();
    private final CoreFixture fixture = new CoreFixture();
    private final ChannelCore core = fixture.core;

    @AfterEach
    void stop() {
        core.stop();
    }

    @Test
    void aFreshCoreCountsNothingAndKnowsWhenItStarted() {
        CallStatistics statistics = core.callStatistics();

        assertThat(statistics.activeBridges()).isZero();
        assertThat(statistics.bridgesMade()).isZero();
        assertThat(statistics.startedAt()).isBetween(before, Instant.now());
    }

    @Test
    void aBridgeIsActiveUntilReleasedAndStaysCountedAsMade() {
        Bridge bridge = core.bridge(fixture.inbound("alice"), fixture.request("bob"));
        assertThat(core.callStatistics()).extracting(CallStatistics::activeBridges, CallStatistics::bridgesMade)
                .containsExactly(1, 1L);

        bridge.release();
        bridge.release();

        assertThat(core.callStatistics()).extracting(CallStatistics::activeBridges, CallStatistics::bridgesMade)
                .containsExactly(0, 1L);
    }

    @Test
    void aBridgeEndedByAHangupIsNoLongerActive() {
        Channel alice = fixture.inbound("alice");
        core.bridge(alice, fixture.request("bob"));
        core.bridge(fixture.inbound("carol"), fixture.request("dave"));

        core.hangup(alice, HangupCause.NORMAL_CLEARING);

        assertThat(core.callStatistics()).extracting(CallStatistics::activeBridges, CallStatistics::bridgesMade)
                .containsExactly(1, 2L);
    }

    @Test
    void aRefusedBridgeIsNotCounted() {
        Channel alice = fixture.inbound("alice");
        core.bridge(alice, fixture.request("bob"));

        assertThatIllegalStateException().isThrownBy(() -> core.bridge(alice, fixture.request("carol")));

        assertThat(core.callStatistics()).extracting(CallStatistics::activeBridges, CallStatistics::bridgesMade)
                .containsExactly(1, 1L);
    }
}
