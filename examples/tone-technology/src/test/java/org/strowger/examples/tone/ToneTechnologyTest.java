package org.strowger.examples.tone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.strowger.channel.ChannelUnavailableException;
import org.strowger.channel.HangupCause;

class ToneTechnologyTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ToneTechnology technology = new ToneTechnology(scheduler);

    @AfterEach
    void stop() {
        technology.deactivate();
    }

    @Test
    void acceptsAFrequencyBusyAndRing() throws Exception {
        assertThat(technology.request("440", new FakeLink())).isInstanceOf(ToneSide.class);
        assertThat(technology.request("busy", new FakeLink())).isInstanceOf(ToneSide.class);
        assertThat(technology.request("RING", new FakeLink())).isInstanceOf(ToneSide.class);
    }

    @Test
    void refusesWhatIsNotAToneWithInvalidNumberFormatAndAReason() {
        for (String wrong : new String[] {"hello", "0", "4000", ""}) {
            assertThatThrownBy(() -> technology.request(wrong, new FakeLink()))
                    .isInstanceOf(ChannelUnavailableException.class)
                    .hasMessageContaining("Tone/" + wrong)
                    .satisfies(e -> assertThat(((ChannelUnavailableException) e).hangupCause())
                            .isEqualTo(HangupCause.INVALID_NUMBER_FORMAT));
        }
    }

    @Test
    void deactivationStopsTheSharedScheduler() {
        technology.deactivate();

        assertThat(scheduler.isShutdown()).isTrue();
    }
}
