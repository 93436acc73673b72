package org.strowger.channel.shell;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.strowger.channel.Channel;
import org.strowger.channel.DialplanLocation;

/**
 * The live channels, one line each: aligned columns with a count line for people, or
 * {@code !}-separated fields for scripts, in the order of Asterisk's
 * {@code core show channels concise} (without the account and AMA fields Strowger has not).
 */
final class ChannelTable {

    private static final String[] HEADER = {"Channel", "Location", "State", "Application", "Peer", "Duration"};

    private final List<Channel> channels;
    private final Instant now;

    ChannelTable(List<Channel> channels, Clock clock) {
        this.channels = channels;
        this.now = clock.instant();
    }

    /** Header, one aligned line a channel, then {@code N active channel(s)}; every line ends with a newline. */
    String render() {
        StringBuilder out = new StringBuilder();
        if (!channels.isEmpty()) {
            List<String[]> rows = new ArrayList<>();
            rows.add(HEADER);
            for (Channel channel : channels) {
                rows.add(row(channel));
            }
            appendAligned(rows, out);
        }
        int count = channels.size();
        out.append(count).append(count == 1 ? " active channel" : " active channels").append(System.lineSeparator());
        return out.toString();
    }

    /**
     * {@code name!context!extension!priority!state!application!data!callerIdNumber!seconds!peer!uniqueId}
     * per channel, no header and no count; duration in whole seconds so scripts need not parse it.
     * Fields are not escaped: a {@code !} inside application data shifts the fields after it, as
     * in Asterisk.
     */
    String renderConcise() {
        StringBuilder out = new StringBuilder();
        for (Channel channel : channels) {
            DialplanLocation location = channel.location();
            out.append(String.join("!",
                    channel.name(),
                    location.context(),
                    location.extension(),
                    String.valueOf(location.priority()),
                    channel.state().label(),
                    ConsoleText.orNone(channel.application()),
                    ConsoleText.orEmpty(channel.applicationData()),
                    channel.callerId().number(),
                    String.valueOf(ElapsedTime.seconds(channel.createdAt(), now)),
                    ConsoleText.peerName(channel).orElse(""),
                    channel.uniqueId()))
                    .append(System.lineSeparator());
        }
        return out.toString();
    }

    private String[] row(Channel channel) {
        return new String[] {
            channel.name(),
            channel.location().toString(),
            channel.state().label(),
            ConsoleText.applicationWithData(channel),
            ConsoleText.peerName(channel).orElse(ConsoleText.NONE),
            ElapsedTime.hoursMinutesSeconds(channel.createdAt(), now)
        };
    }

    /** Pads every column but the last to its widest cell, two spaces apart, without trailing blanks. */
    private static void appendAligned(List<String[]> rows, StringBuilder out) {
        int[] widths = new int[HEADER.length];
        for (String[] row : rows) {
            for (int column = 0; column < row.length; column++) {
                widths[column] = Math.max(widths[column], row[column].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int column = 0; column < row.length - 1; column++) {
                line.append(row[column]).append(" ".repeat(widths[column] - row[column].length() + 2));
            }
            line.append(row[row.length - 1]);
            out.append(line).append(System.lineSeparator());
        }
    }
}
