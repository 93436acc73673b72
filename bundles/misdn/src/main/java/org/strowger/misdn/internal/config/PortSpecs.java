package org.strowger.misdn.internal.config;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import org.strowger.misdn.card.PortRole;

/**
 * Parses the {@code ports} setting: entries separated by commas (or new lines), each
 * {@code PORT:ROLE[:OPTION]...} with
 * <ul>
 * <li>{@code PORT} the port number, 1-based ({@code mISDN/1/...} dials on port 1);</li>
 * <li>{@code ROLE} {@code te} (we are a terminal on a network's line) or {@code nt} (we are the
 * network for terminals);</li>
 * <li>options in any order: {@code ptp} (default) or {@code ptmp}; {@code group=NAME}, repeatable,
 * for dial strings {@code mISDN/g:NAME/...}; {@code context=NAME} for inbound calls (default
 * {@value #DEFAULT_CONTEXT}).</li>
 * </ul>
 * A mistake throws {@link IllegalArgumentException} naming the setting, the entry and what to write.
 */
public final class PortSpecs {

    /** The demo: port 1 is the line out (TE), port 2 the line in (NT), wired together by the simulated card. */
    public static final String DEMO = "1:te:ptp:group=out:context=from-isdn-te, 2:nt:ptp:group=in:context=from-isdn";

    public static final String DEFAULT_CONTEXT = "from-isdn";

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");

    private PortSpecs() {
    }

    public static List<PortSpec> parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("ports: no port configured; write for example '" + DEMO + "'");
        }
        List<PortSpec> ports = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        int index = 0;
        for (String raw : text.split("[,\\n]")) {
            String entry = raw.trim();
            if (entry.isEmpty()) {
                continue;
            }
            index++;
            PortSpec spec = parseEntry(index, entry);
            if (!seen.add(spec.port())) {
                throw error(index, entry, "port " + spec.port() + " is configured twice");
            }
            ports.add(spec);
        }
        if (ports.isEmpty()) {
            throw new IllegalArgumentException("ports: no port configured; write for example '" + DEMO + "'");
        }
        return List.copyOf(ports);
    }

    private static PortSpec parseEntry(int index, String entry) {
        String[] parts = entry.split(":");
        if (parts.length < 2) {
            throw error(index, entry, "expected PORT:ROLE[:OPTION]..., for example 1:te:ptp:group=out");
        }
        int port;
        try {
            port = Integer.parseInt(parts[0].trim());
        } catch (NumberFormatException e) {
            throw error(index, entry, "port '" + parts[0].trim() + "' is not a number (ports count from 1)");
        }
        if (port < 1 || port > 128) {
            throw error(index, entry, "port " + port + " is out of range 1..128 (ports count from 1)");
        }
        PortRole role = switch (parts[1].trim().toLowerCase(Locale.ROOT)) {
            case "te" -> PortRole.TE;
            case "nt" -> PortRole.NT;
            default -> throw error(index, entry, "role '" + parts[1].trim() + "' is not te or nt");
        };
        boolean ptmp = false;
        boolean modeSet = false;
        String context = null;
        List<String> groups = new ArrayList<>();
        for (int i = 2; i < parts.length; i++) {
            String option = parts[i].trim();
            String lower = option.toLowerCase(Locale.ROOT);
            if (lower.equals("ptp") || lower.equals("ptmp")) {
                if (modeSet) {
                    throw error(index, entry, "ptp or ptmp given twice");
                }
                modeSet = true;
                ptmp = lower.equals("ptmp");
            } else if (lower.startsWith("group=")) {
                String group = option.substring("group=".length()).trim();
                checkName(index, entry, "group", group);
                if (!groups.contains(group)) {
                    groups.add(group);
                }
            } else if (lower.startsWith("context=")) {
                if (context != null) {
                    throw error(index, entry, "context given twice");
                }
                context = option.substring("context=".length()).trim();
                checkName(index, entry, "context", context);
            } else {
                throw error(index, entry, "unknown option '" + option + "': expected ptp, ptmp, group=NAME or context=NAME");
            }
        }
        return new PortSpec(port, role, ptmp, groups, context == null ? DEFAULT_CONTEXT : context);
    }

    private static void checkName(int index, String entry, String what, String name) {
        if (!NAME.matcher(name).matches()) {
            throw error(index, entry, what + " '" + name + "' must be letters, digits, '_', '.' or '-'");
        }
    }

    private static IllegalArgumentException error(int index, String entry, String what) {
        return new IllegalArgumentException("ports: entry " + index + " '" + entry + "': " + what);
    }
}
