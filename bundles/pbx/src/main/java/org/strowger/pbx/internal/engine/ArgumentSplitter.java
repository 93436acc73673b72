package org.strowger.pbx.internal.engine;

import java.util.ArrayList;
import java.util.List;

import org.strowger.pbx.ArgumentSyntax;

/**
 * Splits an application's data into argument texts, once, at load time, on the text as written.
 * Separators inside {@code ()}, {@code []}, {@code ${...}}, {@code $[...]} and double quotes do
 * not split; outside references, quotes are removed and {@code \x} is a literal x (inside a
 * reference the text is kept for the template compiler). Whatever a reference later evaluates
 * to fills its one slot: it can never add an argument, a list item or a branch.
 */
final class ArgumentSplitter {

    /** The raw texts of each argument; list arguments have several items. */
    record RawArguments(List<List<String>> slots, boolean[] written, char[] joiners) {
    }

    private ArgumentSplitter() {
    }

    static RawArguments split(String data, ArgumentSyntax syntax) {
        return switch (syntax.kind()) {
            case WHOLE -> single(data);
            case ASSIGNMENT -> assignment(data);
            case CONDITION -> condition(data);
            case SUBROUTINE -> subroutine(data);
            case CONDITIONAL_SUBROUTINE -> conditionalSubroutine(data);
            case ARGUMENTS -> arguments(data, syntax);
        };
    }

    private static RawArguments single(String data) {
        return new RawArguments(List.of(List.of(data)), new boolean[] {true}, new char[1]);
    }

    private static RawArguments assignment(String data) {
        List<String> parts = splitTopLevel(data, '=', 2, false);
        List<List<String>> slots = new ArrayList<>();
        slots.add(List.of(parts.get(0)));
        slots.add(List.of(parts.size() > 1 ? parts.get(1) : ""));
        return new RawArguments(slots, new boolean[] {true, parts.size() > 1}, new char[2]);
    }

    /** {@code cond?then:else}: split on the first top-level {@code ?} and then on the first {@code :}. */
    private static RawArguments condition(String data) {
        List<String> questionSplit = splitTopLevel(data, '?', 2, false);
        String condition = questionSplit.get(0);
        boolean hasBranches = questionSplit.size() > 1;
        List<String> branches = hasBranches ? splitTopLevel(questionSplit.get(1), ':', 2, false) : List.of();
        String whenTrue = branches.isEmpty() ? "" : branches.get(0);
        String whenFalse = branches.size() > 1 ? branches.get(1) : "";
        List<List<String>> slots = new ArrayList<>();
        slots.add(List.of(condition));
        slots.add(whenTrue.isEmpty() ? List.of() : splitTopLevel(whenTrue, ',', Integer.MAX_VALUE, true));
        slots.add(whenFalse.isEmpty() ? List.of() : splitTopLevel(whenFalse, ',', Integer.MAX_VALUE, true));
        return new RawArguments(slots, new boolean[] {true, !whenTrue.isEmpty(), !whenFalse.isEmpty()},
                new char[] {0, ',', ','});
    }

    /** {@code [[ctx,]exten,]prio[(a,b)]}: destination parts, then the subroutine's arguments, both split now. */
    private static RawArguments subroutine(String data) {
        List<String> destination = new ArrayList<>(splitTopLevel(data, ',', Integer.MAX_VALUE, true));
        List<String> subroutineArguments = List.of();
        boolean hasArguments = false;
        String last = destination.get(destination.size() - 1);
        int open = last.indexOf('(');
        if (open >= 0 && last.endsWith(")")) {
            String inside = last.substring(open + 1, last.length() - 1);
            subroutineArguments = inside.isEmpty() ? List.of() : splitTopLevel(inside, ',', Integer.MAX_VALUE, true);
            destination.set(destination.size() - 1, last.substring(0, open));
            hasArguments = true;
        }
        return new RawArguments(List.of(List.copyOf(destination), List.copyOf(subroutineArguments)),
                new boolean[] {true, hasArguments}, new char[] {',', ','});
    }

    /** {@code cond?[sub][:sub]}: each branch split like a subroutine call, now. */
    private static RawArguments conditionalSubroutine(String data) {
        List<String> questionSplit = splitTopLevel(data, '?', 2, false);
        List<String> branches = questionSplit.size() > 1 ? splitTopLevel(questionSplit.get(1), ':', 2, false)
                : List.of();
        String whenTrue = branches.isEmpty() ? "" : branches.get(0);
        String whenFalse = branches.size() > 1 ? branches.get(1) : "";
        List<List<String>> slots = new ArrayList<>();
        slots.add(List.of(questionSplit.get(0)));
        boolean[] written = new boolean[5];
        written[0] = true;
        int slot = 1;
        for (String branch : new String[] {whenTrue, whenFalse}) {
            if (branch.isEmpty()) {
                slots.add(List.of());
                slots.add(List.of());
            } else {
                RawArguments call = subroutine(branch);
                slots.addAll(call.slots());
                written[slot] = true;
                written[slot + 1] = call.written()[1];
            }
            slot += 2;
        }
        return new RawArguments(slots, written, new char[] {0, ',', ',', ',', ','});
    }

    private static RawArguments arguments(String data, ArgumentSyntax syntax) {
        if (data.isEmpty()) {
            return new RawArguments(List.of(), new boolean[0], new char[0]);
        }
        List<String> arguments = splitTopLevel(data, ',', Integer.MAX_VALUE, true);
        List<List<String>> slots = new ArrayList<>();
        boolean[] written = new boolean[arguments.size()];
        char[] joiners = new char[arguments.size()];
        for (int i = 0; i < arguments.size(); i++) {
            char listSeparator = syntax.listSeparator(i);
            joiners[i] = listSeparator;
            String argument = arguments.get(i);
            written[i] = true;
            if (listSeparator == 0) {
                slots.add(List.of(argument));
            } else {
                List<String> items = new ArrayList<>();
                for (String item : splitTopLevel(argument, listSeparator, Integer.MAX_VALUE, false)) {
                    if (!item.isEmpty()) { // Dial skips empty & items
                        items.add(item);
                    }
                }
                slots.add(items);
            }
        }
        return new RawArguments(slots, written, joiners);
    }

    /**
     * Splits on {@code separator} outside brackets, references and quotes, into at most
     * {@code limit} parts. With {@code unquote}, quotes and backslash escapes outside references
     * are consumed (the application sees the text without them).
     */
    static List<String> splitTopLevel(String text, char separator, int limit, boolean unquote) {
        List<String> parts = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int parens = 0;
        int brackets = 0;
        int references = 0; // depth of ${ and $[ — inside them everything is kept verbatim
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (references == 0 && c == '\\' && i + 1 < text.length()) {
                if (unquote) {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c).append(text.charAt(++i));
                }
                continue;
            }
            if (c == '$' && i + 1 < text.length() && (text.charAt(i + 1) == '{' || text.charAt(i + 1) == '[')) {
                references++;
                current.append(c).append(text.charAt(++i));
                continue;
            }
            if (references > 0) {
                if (c == '{' || c == '[') {
                    references++;
                } else if (c == '}' || c == ']') {
                    references--;
                }
                current.append(c);
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
                if (!unquote) {
                    current.append(c);
                }
                continue;
            }
            if (!quoted) {
                if (c == '(') {
                    parens++;
                } else if (c == ')' && parens > 0) {
                    parens--;
                } else if (c == '[') {
                    brackets++;
                } else if (c == ']' && brackets > 0) {
                    brackets--;
                } else if (c == separator && parens == 0 && brackets == 0 && parts.size() < limit - 1) {
                    parts.add(current.toString());
                    current.setLength(0);
                    continue;
                }
            }
            current.append(c);
        }
        parts.add(current.toString());
        return parts;
    }
}
