package org.strowger.sip.internal.sdp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SdpOriginTest {

    private final SdpOrigin origin = new SdpOrigin("strowger", 1234, 1, "192.0.2.1");

    @Test
    void firstDescriptionGetsTheFirstVersion() {
        assertThat(origin.stamp("a")).isEqualTo(new Origin("strowger", "1234", "1", "192.0.2.1"));
    }

    @Test
    void sendingTheSameAgainKeepsTheVersion() {
        origin.stamp("a");

        assertThat(origin.stamp("a").version()).isEqualTo("1");
        assertThat(origin.version()).isEqualTo(1);
    }

    @Test
    void everyChangeBumpsTheVersionByOneAndTheSessionIdStays() {
        origin.stamp("a");

        assertThat(origin.stamp("b").version()).isEqualTo("2");
        assertThat(origin.stamp("b").version()).isEqualTo("2");
        Origin third = origin.stamp("a");
        assertThat(third.version()).isEqualTo("3");
        assertThat(third.sessionId()).isEqualTo("1234");
    }

    @Test
    void newSessionsGetDifferentNonNegativeIds() {
        SdpOrigin first = SdpOrigin.forNewSession("192.0.2.1");
        SdpOrigin second = SdpOrigin.forNewSession("192.0.2.1");

        assertThat(first.sessionId()).isNotNegative().isNotEqualTo(second.sessionId());
        assertThat(first.version()).isEqualTo(1);
    }
}
