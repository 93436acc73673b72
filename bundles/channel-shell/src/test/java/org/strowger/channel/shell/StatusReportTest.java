package org.strowger.channel.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.channel.CallStatistics;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.TechnologyName;
import org.strowger.channel.lock.LockStatistics;
import org.strowger.channel.status.StatusContributor;

/** The status overview: core counters, drivers, contributors in name order, a failing contributor contained. */
class StatusReportTest {

    private static final Instant STARTED = Instant.parse("2024-05-01T10:00:00Z");

    private final FakeChannelService core = new FakeChannelService(new FakeChannel("SIP/alice-00000001"),
            new FakeChannel("SIP/bob-00000002"));

    record Fixed(String name, List<String> lines) implements StatusContributor {
    }

    @Test
    void printsTheCoreCountersDriversContributorsAndLocks() {
        core.callStatistics = new CallStatistics(STARTED, 1, 12);
        core.technologies = List.of(new TechnologyInfo(TechnologyName.of("SIP"), "SIP driver", "strowger-sip", "0.1.0"));
        core.lockStatistics = new LockStatistics(true, 4, 3, 0, 2);
        List<StatusContributor> contributors = List.of(
                new Fixed("Transfer", List.of("0 parked calls")),
                new Fixed("SIP", List.of("2 endpoints, 1 registration, 1 dialog")));

        String report = new StatusReport(core, contributors, STARTED.plusSeconds(90061)).render();

        assertThat(report.lines()).containsExactly(
                "Strowger 0.1.0",
                "  Uptime:             1 day, 01:01:01 (since 2024-05-01T10:00:00Z)",
                "  Live channels:      2",
                "  Calls now:          1 (active bridges)",
                "  Calls processed:    12 (bridges made since start)",
                "Channel technologies:",
                "  SIP:                serving (strowger-sip 0.1.0)",
                "SIP:",
                "  2 endpoints, 1 registration, 1 dialog",
                "Transfer:",
                "  0 parked calls",
                "Lock-order validator:",
                "  Mode:               strict (violations throw)",
                "  Violations:         0",
                "  Refused core calls: 2",
                "  Lock classes seen:  4",
                "  Order edges seen:   3");
    }

    @Test
    void saysSoWhenNoDriverIsRegistered() {
        String report = new StatusReport(core, List.of(), STARTED).render();

        assertThat(report.lines()).contains("Channel technologies:", "  none registered");
    }

    @Test
    void aFailingContributorIsNamedAndTheOthersStillPrint() {
        StatusContributor broken = new StatusContributor() {
            @Override
            public String name() {
                return "mISDN";
            }

            @Override
            public List<String> lines() {
                throw new IllegalStateException("card gone");
            }
        };

        String report = new StatusReport(core, List.of(broken, new Fixed("SIP", List.of("ok"))), STARTED).render();

        assertThat(report.lines()).containsSubsequence("mISDN:",
                "  (status not available: java.lang.IllegalStateException: card gone)", "SIP:", "  ok");
    }

    @Test
    void uptimeShowsDaysOnlyOnceADayHasPassed() {
        assertThat(StatusReport.uptime(STARTED, STARTED.plusSeconds(3725))).isEqualTo("01:02:05");
        assertThat(StatusReport.uptime(STARTED, STARTED.plusSeconds(2 * 86400 + 59))).isEqualTo("2 days, 00:00:59");
        assertThat(StatusReport.uptime(STARTED, STARTED.minusSeconds(5))).isEqualTo("00:00:00");
    }
}
