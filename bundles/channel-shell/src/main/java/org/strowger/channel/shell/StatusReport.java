package org.strowger.channel.shell;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

import org.strowger.channel.CallStatistics;
import org.strowger.channel.ChannelService;
import org.strowger.channel.TechnologyInfo;
import org.strowger.channel.lock.LockStatistics;
import org.strowger.channel.status.StatusContributor;

/**
 * The status overview as labelled lines: the platform, its calls, its drivers, what each
 * contributing bundle says of itself, and the lock-order validator.
 */
final class StatusReport {

    private final ChannelService core;
    private final List<StatusContributor> contributors;
    private final Instant now;

    StatusReport(ChannelService core, List<StatusContributor> contributors, Instant now) {
        this.core = core;
        this.contributors = contributors.stream()
                .sorted(Comparator.comparing(StatusReport::nameOf, String.CASE_INSENSITIVE_ORDER)).toList();
        this.now = now;
    }

    /** Every line ends with a newline. */
    String render() {
        StringBuilder out = new StringBuilder();
        CallStatistics calls = core.callStatistics();
        out.append("Strowger ").append(core.platformVersion()).append(newline());
        line(out, "Uptime", uptime(calls.startedAt(), now) + " (since "
                + calls.startedAt().truncatedTo(ChronoUnit.SECONDS) + ")");
        line(out, "Live channels", String.valueOf(core.channelCount()));
        line(out, "Calls now", calls.activeBridges() + " (active bridges)");
        line(out, "Calls processed", calls.bridgesMade() + " (bridges made since start)");

        List<TechnologyInfo> technologies = core.technologies();
        out.append("Channel technologies:").append(newline());
        if (technologies.isEmpty()) {
            out.append("  none registered").append(newline());
        }
        for (TechnologyInfo info : technologies) {
            out.append(String.format("  %-20s%s (%s %s)%n", info.name() + ":", "serving",
                    info.bundleSymbolicName(), info.bundleVersion()));
        }

        for (StatusContributor contributor : contributors) {
            out.append(nameOf(contributor)).append(':').append(newline());
            for (String text : linesOf(contributor)) {
                out.append("  ").append(text).append(newline());
            }
        }

        LockStatistics locks = core.lockStatistics();
        out.append("Lock-order validator:").append(newline());
        line(out, "Mode", locks.strict() ? "strict (violations throw)" : "logging (violations are logged)");
        line(out, "Violations", String.valueOf(locks.violations()));
        line(out, "Refused core calls", String.valueOf(locks.refusedCoreCalls()));
        line(out, "Lock classes seen", String.valueOf(locks.lockClasses()));
        line(out, "Order edges seen", String.valueOf(locks.orderEdges()));
        return out.toString();
    }

    /** {@code 2 days, 03:04:05}; under a day {@code 03:04:05}. */
    static String uptime(Instant since, Instant now) {
        long seconds = ElapsedTime.seconds(since, now);
        long days = Duration.ofSeconds(seconds).toDays();
        String clock = String.format("%02d:%02d:%02d", seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
        return days == 0 ? clock : days + (days == 1 ? " day, " : " days, ") + clock;
    }

    /** A contributor that fails is named with its failure; the others still print. */
    private static List<String> linesOf(StatusContributor contributor) {
        try {
            List<String> lines = contributor.lines();
            return lines == null ? List.of() : lines;
        } catch (RuntimeException e) {
            return List.of("(status not available: " + e + ")");
        }
    }

    private static String nameOf(StatusContributor contributor) {
        try {
            String name = contributor.name();
            return ConsoleText.isEmpty(name) ? contributor.getClass().getSimpleName() : name;
        } catch (RuntimeException e) {
            return contributor.getClass().getSimpleName();
        }
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("  %-20s%s%n", label + ":", value));
    }

    private static String newline() {
        return System.lineSeparator();
    }
}
