package org.strowger.channel.shell;

import org.strowger.channel.lock.LockStatistics;

/** The lock-order validator's counters as labelled lines. */
final class LockStatisticsReport {

    private final LockStatistics statistics;

    LockStatisticsReport(LockStatistics statistics) {
        this.statistics = statistics;
    }

    /** Every line ends with a newline. */
    String render() {
        StringBuilder out = new StringBuilder();
        out.append("Lock-order validator, since the core started:").append(System.lineSeparator());
        line(out, "Mode", statistics.strict() ? "strict (violations throw)" : "logging (violations are logged)");
        line(out, "Lock classes seen", String.valueOf(statistics.lockClasses()));
        line(out, "Order edges seen", String.valueOf(statistics.orderEdges()));
        line(out, "Violations", String.valueOf(statistics.violations()));
        line(out, "Refused core calls", String.valueOf(statistics.refusedCoreCalls()));
        return out.toString();
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-20s%s%n", label + ":", value));
    }
}
