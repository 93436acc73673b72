package org.strowger.pbx.shell;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.strowger.channel.shell.text.TextTable;
import org.strowger.pbx.DialplanAdmin.Registration;

/**
 * What {@code dialplan:applications} and {@code dialplan:functions} print: a table of name,
 * description (its first line) and bundle; or, when the filter names exactly one, that one in
 * full.
 */
final class Registrations {

    private Registrations() {
    }

    /**
     * Prints {@code registrations} matching {@code filter} (a name prefix, or a glob with
     * {@code *} and {@code ?}; case is ignored; {@code null} for all). {@code kind} is the
     * singular noun, "application" or "function".
     */
    static void print(PrintStream out, String kind, List<Registration> registrations, String filter) {
        List<Registration> exact = filter == null ? List.of()
                : registrations.stream().filter(r -> r.name().equalsIgnoreCase(filter)).toList();
        if (exact.size() == 1) {
            details(out, kind, exact.get(0));
            return;
        }
        List<Registration> shown = registrations.stream().filter(matcher(filter)).toList();
        if (shown.isEmpty()) {
            out.println(filter == null ? "No " + kind + "s are registered"
                    : "No " + kind + "s match '" + filter + "'");
            out.flush();
            return;
        }
        TextTable table = new TextTable("Name", "Description", "Bundle");
        shown.forEach(r -> table.row(r.name(), firstLine(r.description()), dash(r.bundle())));
        out.print(table.render());
        out.println(filter == null ? plural(shown.size(), kind)
                : shown.size() + " of " + plural(registrations.size(), kind) + " match '" + filter + "'");
        out.flush();
    }

    private static void details(PrintStream out, String kind, Registration registration) {
        TextTable table = new TextTable(capitalised(kind), registration.name());
        table.row("Bundle", dash(registration.bundle()));
        List<String> lines = registration.description().isBlank() ? List.of("-")
                : registration.description().strip().lines().toList();
        table.row("Description", lines.get(0));
        lines.stream().skip(1).forEach(line -> table.row("", line));
        out.print(table.render());
        out.flush();
    }

    /** A prefix, or a glob when it has {@code *} or {@code ?}; case is ignored. */
    static Predicate<Registration> matcher(String filter) {
        if (filter == null || filter.isEmpty()) {
            return r -> true;
        }
        if (filter.indexOf('*') < 0 && filter.indexOf('?') < 0) {
            String prefix = filter.toLowerCase(Locale.ROOT);
            return r -> r.name().toLowerCase(Locale.ROOT).startsWith(prefix);
        }
        StringBuilder regex = new StringBuilder();
        for (char c : filter.toCharArray()) {
            regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
        }
        Pattern pattern = Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        return r -> pattern.matcher(r.name()).matches();
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int end = stripped.indexOf('\n');
        return end < 0 ? stripped : stripped.substring(0, end).stripTrailing() + " ...";
    }

    private static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String dash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }

    private static String capitalised(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
