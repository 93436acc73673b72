package org.strowger.pbx.internal.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

import org.strowger.channel.DialplanLocation;
import org.strowger.pbx.internal.config.PriorityLine;
import org.strowger.pbx.internal.engine.ArgumentSplitting;
import org.strowger.pbx.internal.engine.CompiledDialplan;

/**
 * Walks a number through the dialplan without a call: the steps it would run, in order, with
 * the line each comes from. Jumps with literal destinations are followed; a step whose path
 * depends on run-time values (a condition, a variable destination, a callee answering) is
 * shown and the walk says what it cannot know.
 */
final class DryRun {

    private static final int MOST_STEPS = 100;

    private DryRun() {
    }

    static List<String> walk(CompiledDialplan plan, String extension, String context, String callerId) {
        List<String> out = new ArrayList<>();
        Deque<DialplanLocation> returns = new ArrayDeque<>();
        java.util.Set<DialplanLocation> visited = new java.util.HashSet<>();
        DialplanLocation at = new DialplanLocation(context, extension, 1);
        out.add("Dry run of '" + extension + "' in '" + context + "'" + (callerId.isEmpty() ? "" : " from " + callerId)
                + ":");
        for (int step = 0; step < MOST_STEPS; step++) {
            Optional<PriorityLine> found = plan.find(at.context(), at.extension(), at.priority(), callerId);
            if (found.isEmpty()) {
                out.add(at.priority() == 1 || !plan.exists(at.context(), at.extension(), callerId)
                        ? "  no extension '" + at.extension() + "' in '" + at.context() + "': the call goes to 'i' if"
                                + " it exists" + (plan.exists(at.context(), "i", callerId) ? " (it does)" : " (it does not: the call ends)")
                        : "  end of '" + at.extension() + "': the call ends (autofallthrough)");
                return out;
            }
            if (returns.isEmpty() && !visited.add(at)) {
                out.add("  back at [" + at + "]: the steps repeat until the caller hangs up or a condition changes");
                return out;
            }
            PriorityLine line = found.get();
            String matched = line.extension().equals(at.extension()) ? "" : "  (matched '" + line.extension() + "')";
            out.add(String.format("  [%s] %s(%s)%s  [%s]", at, line.application(), line.data(), matched, line.at()));
            String application = line.application().toLowerCase(Locale.ROOT);
            List<String> parts = literalDestination(line.data());
            switch (application) {
                case "hangup", "busy", "congestion" -> {
                    out.add("  the call ends here");
                    return out;
                }
                case "goto", "gosub" -> {
                    if (parts == null) {
                        out.add("  the destination depends on run-time values: the walk stops here");
                        return out;
                    }
                    if (application.equals("gosub")) {
                        returns.push(new DialplanLocation(at.context(), at.extension(), at.priority() + 1));
                    }
                    Optional<DialplanLocation> next = resolve(plan, at, parts, callerId);
                    if (next.isEmpty()) {
                        out.add("  the destination " + String.join(",", parts) + " does not exist: the call would end");
                        return out;
                    }
                    at = next.get();
                    continue;
                }
                case "return" -> {
                    if (returns.isEmpty()) {
                        out.add("  Return without Gosub: the call would end");
                        return out;
                    }
                    at = returns.pop();
                    continue;
                }
                case "gotoif", "gosubif", "waitexten", "background", "read" -> {
                    out.add("  what follows depends on the caller (a condition or digits): the walk stops here");
                    return out;
                }
                case "dial" -> out.add("  the call waits here while the destination rings; without the g option"
                        + " it ends when the bridged call ends");
                default -> {
                }
            }
            at = new DialplanLocation(at.context(), at.extension(), at.priority() + 1);
        }
        out.add("  more than " + MOST_STEPS + " steps: a loop? the walk stops here");
        return out;
    }

    /** The destination parts, or null when any of them holds a reference. */
    private static List<String> literalDestination(String data) {
        String destination = data;
        int open = destination.indexOf('(');
        if (open >= 0) {
            destination = destination.substring(0, open); // Gosub arguments
        }
        if (destination.contains("${") || destination.contains("$[")) {
            return null;
        }
        return ArgumentSplitting.split(destination);
    }

    private static Optional<DialplanLocation> resolve(CompiledDialplan plan, DialplanLocation at, List<String> parts,
            String callerId) {
        if (parts.isEmpty() || parts.size() > 3) {
            return Optional.empty();
        }
        String context = parts.size() == 3 ? parts.get(0).trim() : at.context();
        String extension = parts.size() >= 2 ? parts.get(parts.size() - 2).trim() : at.extension();
        String priority = parts.get(parts.size() - 1).trim();
        try {
            int number = priority.startsWith("+") || priority.startsWith("-") ? at.priority() + Integer.parseInt(priority)
                    : Integer.parseInt(priority);
            return number < 1 ? Optional.empty() : Optional.of(new DialplanLocation(context, extension, number));
        } catch (NumberFormatException label) {
            OptionalInt labelled = plan.findLabel(context, extension, priority, callerId);
            return labelled.isEmpty() ? Optional.empty()
                    : Optional.of(new DialplanLocation(context, extension, labelled.getAsInt()));
        }
    }
}
