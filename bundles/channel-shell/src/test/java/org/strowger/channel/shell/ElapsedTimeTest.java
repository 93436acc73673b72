package org.strowger.channel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class ElapsedTimeTest {

    private static final Instant CREATED = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void showsHoursMinutesAndSecondsWithTwoDigitsEach() {
        assertThat(ElapsedTime.hoursMinutesSeconds(CREATED, CREATED.plusSeconds(3 * 3600 + 7 * 60 + 9)))
                .isEqualTo("03:07:09");
    }

    @Test
    void letsHoursGrowPastADayInsteadOfWrapping() {
        assertThat(ElapsedTime.hoursMinutesSeconds(CREATED, CREATED.plusSeconds(100 * 3600 + 1)))
                .isEqualTo("100:00:01");
    }

    @Test
    void countsACreationTimeAheadOfNowAsZero() {
        assertThat(ElapsedTime.hoursMinutesSeconds(CREATED, CREATED.minusMillis(1500))).isEqualTo("00:00:00");
        assertThat(ElapsedTime.seconds(CREATED, CREATED.minusSeconds(5))).isZero();
    }

    @Test
    void dropsFractionsOfASecond() {
        assertThat(ElapsedTime.seconds(CREATED, CREATED.plusMillis(65_999))).isEqualTo(65);
    }
}
