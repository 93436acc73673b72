package org.strowger.transfer.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.ParkedCall;
import org.strowger.transfer.TransferStatistics;

/** What the transfer: commands print: aligned columns, '-' for unknowns, seconds counted from now. */
class TransferTablesTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void parkedCallsShowSlotChannelCallerParkerAndSeconds() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        ParkedCommand.print(out, List.of(
                new ParkedCall(701, "SIP/bob-00000002", "102", "SIP/alice-00000001", now.minusSeconds(12),
                        now.plusSeconds(33)),
                new ParkedCall(702, "SIP/carol-00000005", "", "", now.minusSeconds(1), now.plusSeconds(44))), now);

        List<String> lines = printed().lines().toList();
        assertThat(lines.get(0)).startsWith("Slot").contains("Channel", "Caller ID", "Parker", "Parked for",
                "Times out in");
        assertThat(lines.get(1)).startsWith("701").contains("SIP/bob-00000002", "102", "SIP/alice-00000001", "12 s")
                .endsWith("33 s");
        assertThat(lines.get(2)).startsWith("702").contains("SIP/carol-00000005", " - ", "1 s").endsWith("44 s");
        assertThat(lines.get(1).indexOf("SIP/")).isEqualTo(lines.get(2).indexOf("SIP/"));
        assertThat(lines.get(3)).isEqualTo("2 parked calls");
    }

    @Test
    void anEmptyLotSaysSo() {
        ParkedCommand.print(out, List.of(), Instant.now());

        assertThat(printed()).isEqualTo("No parked calls\n");
    }

    @Test
    void aCallPastItsTimeShowsZeroNotANegativeNumber() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        ParkedCommand.print(out, List.of(new ParkedCall(720, "SIP/x-1", "9", "", now.minusSeconds(50),
                now.minusSeconds(5))), now);

        assertThat(printed().lines().toList().get(1)).endsWith("0 s");
    }

    @Test
    void statisticsShowEveryCounter() {
        StatsCommand.print(out, new TransferStatistics(3, 4, 5, 6, 7, 8, 9, 10, 1));

        assertThat(printed()).contains("blind transfers     3", "attended transfers  4", "parked              5",
                "retrieved           6", "park timeouts       7", "pickups             8", "failed              9",
                "feature codes       10", "in progress         1");
    }

    @Test
    void featuresShowCodesTimeoutsAndTheParkingLot() {
        FeaturesCommand.print(out, new FeatureSettings("#1", "*2", "*0", "#72", Duration.ofMillis(1000),
                Duration.ofSeconds(3), Duration.ofSeconds(15), Duration.ofSeconds(10), 2, false, "700", 701, 720,
                "parkedcalls", Duration.ofSeconds(45), true));

        assertThat(printed()).contains("blind transfer     #1", "attended transfer  *2", "disconnect         *0",
                "park               #72", "feature digit timeout       1 s", "transfer digit timeout      3 s",
                "attended no-answer timeout  15 s", "attended callback retries   2", "attended drop call          no",
                "Parking lot: extension 700, slots 701-720 in context parkedcalls, parking time 45 s, then rings the parker");
    }

    @Test
    void subSecondTimeoutsStayInMilliseconds() {
        assertThat(FeaturesCommand.millis(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(FeaturesCommand.millis(Duration.ofMillis(250))).isEqualTo("250 ms");
        assertThat(FeaturesCommand.millis(Duration.ofSeconds(45))).isEqualTo("45 s");
    }
}
