package org.strowger.channel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.strowger.channel.lock.LockStatistics;

class LockStatisticsReportTest {

    @Test
    void showsTheStrictModeAndEveryCounter() {
        String report = new LockStatisticsReport(new LockStatistics(true, 12, 30, 2, 1)).render();

        assertThat(report.lines()).containsExactly(
                "Lock-order validator, since the core started:",
                "  Mode:               strict (violations throw)",
                "  Lock classes seen:  12",
                "  Order edges seen:   30",
                "  Violations:         2",
                "  Refused core calls: 1");
    }

    @Test
    void explainsTheLoggingMode() {
        String report = new LockStatisticsReport(new LockStatistics(false, 0, 0, 0, 0)).render();

        assertThat(report.lines()).contains("  Mode:               logging (violations are logged)");
    }
}
