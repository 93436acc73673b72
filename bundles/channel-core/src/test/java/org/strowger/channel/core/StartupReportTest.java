package org.strowger.channel.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class StartupReportTest {

    @Test
    void reportsExactlyOnceAfterChangesSettle() throws InterruptedException {
        AtomicInteger reports = new AtomicInteger();
        StartupReport report = new StartupReport(50);
        report.start(reports::incrementAndGet);
        for (int i = 0; i < 5; i++) {
            report.changed();
        }

        await().atMost(Duration.ofSeconds(5)).until(report::hasReported);
        report.changed();
        Thread.sleep(200);

        assertThat(reports).hasValue(1);
    }

    @Test
    void stoppedBeforeSettlingNeverReports() throws InterruptedException {
        AtomicInteger reports = new AtomicInteger();
        StartupReport report = new StartupReport(200);
        report.start(reports::incrementAndGet);
        report.stop();
        report.changed();
        Thread.sleep(400);

        assertThat(reports).hasValue(0);
        assertThat(report.hasReported()).isFalse();
    }
}
