package org.strowger.channel.shell;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.bridge.Bridge;
import org.strowger.channel.frame.Codec;

/** Everything the console knows about one channel: labelled lines, then its variables sorted by name. */
final class ChannelDetails {

    private static final int LABEL_WIDTH = "Native formats:".length() + 1;

    private final Channel channel;
    private final Clock clock;

    /** The clock gives both the duration's end and the time zone of the creation time. */
    ChannelDetails(Channel channel, Clock clock) {
        this.channel = channel;
        this.clock = clock;
    }

    /** Every line ends with a newline. */
    String render() {
        StringBuilder out = new StringBuilder();
        field(out, "Name", channel.name());
        field(out, "UniqueID", channel.uniqueId());
        field(out, "Technology", channel.technology().toString());
        field(out, "State", channel.state().label());
        field(out, "Caller ID", channel.callerId().toString());
        field(out, "Dialed number", ConsoleText.orNone(channel.dialedNumber()));
        field(out, "Location", channel.location().toString());
        field(out, "Application", ConsoleText.orNone(channel.application()));
        field(out, "Data", ConsoleText.orNone(channel.applicationData()));
        field(out, "Native formats", nativeFormats());
        field(out, "Read format", channel.readFormat().label());
        field(out, "Write format", channel.writeFormat().label());
        field(out, "Bridged to", bridgedTo());
        field(out, "Created", created());
        field(out, "Hung up", hungUp());
        field(out, "Zombie", channel.isZombie() ? "yes" : "no");
        out.append("Variables:").append(System.lineSeparator());
        Map<String, String> variables = new TreeMap<>(channel.variables());
        if (variables.isEmpty()) {
            out.append("  (none)").append(System.lineSeparator());
        }
        variables.forEach((name, value) ->
                out.append("  ").append(name).append('=').append(value).append(System.lineSeparator()));
        return out.toString();
    }

    private static void field(StringBuilder out, String label, String value) {
        String labelled = label + ":";
        out.append(labelled).append(" ".repeat(LABEL_WIDTH - labelled.length())).append(value)
                .append(System.lineSeparator());
    }

    /** In the core's codec order, so the same set always prints the same way. */
    private String nativeFormats() {
        String formats = channel.nativeFormats().stream()
                .sorted(Comparator.naturalOrder())
                .map(Codec::label)
                .collect(Collectors.joining("|"));
        return ConsoleText.orNone(formats);
    }

    private String bridgedTo() {
        Optional<Bridge> bridge = channel.bridge();
        Optional<String> peer = ConsoleText.peerName(channel);
        if (bridge.isEmpty() || peer.isEmpty()) {
            return ConsoleText.NONE;
        }
        return peer.get() + " (bridge " + bridge.get().id() + ")";
    }

    private String created() {
        Instant createdAt = channel.createdAt();
        String when = OffsetDateTime.ofInstant(createdAt.truncatedTo(ChronoUnit.SECONDS), clock.getZone())
                .format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        return when + " (" + ElapsedTime.hoursMinutesSeconds(createdAt, clock.instant()) + " ago)";
    }

    private String hungUp() {
        if (!channel.isHungUp()) {
            return "no";
        }
        Optional<HangupCause> cause = channel.hangupCause();
        return cause.map(c -> "yes, " + c + ": " + c.description()).orElse("yes");
    }
}
