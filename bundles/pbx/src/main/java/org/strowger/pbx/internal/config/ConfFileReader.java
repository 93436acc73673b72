package org.strowger.pbx.internal.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The file layer shared by every Asterisk-style .conf file: sections with template options, lines,
 * {@code +=}, comments, a UTF-8 BOM, and the {@code #include}/{@code #tryinclude} directives.
 *
 * <p>An included file continues the section that was open where it was included, and the including
 * file continues with whatever section the included one ended in, as in Asterisk. Include paths are
 * relative to the including file's directory; at most {@value #MAX_FILE_DEPTH} files may be nested
 * (the top file counts), and a file that includes itself, directly or not, is an error.
 */
final class ConfFileReader {

    static final int MAX_FILE_DEPTH = 10;

    private final Diagnostics diagnostics;
    private final Path topDirectory;
    private final List<ConfSection> sections = new ArrayList<>();
    private final Deque<Path> chain = new ArrayDeque<>();
    private ConfSection current;

    private ConfFileReader(Diagnostics diagnostics, Path topDirectory) {
        this.diagnostics = diagnostics;
        this.topDirectory = topDirectory;
    }

    /** Reads a file and everything it includes. */
    static List<ConfSection> read(Path file, Diagnostics diagnostics) {
        Path absolute = file.toAbsolutePath().normalize();
        ConfFileReader reader = new ConfFileReader(diagnostics, absolute.getParent());
        reader.readFile(absolute, new SourceLocation(String.valueOf(absolute.getFileName()), 0), true);
        return reader.sections;
    }

    /** Reads text that has no file behind it; its {@code #include} lines are errors. */
    static List<ConfSection> read(String text, String fileName, Diagnostics diagnostics) {
        ConfFileReader reader = new ConfFileReader(diagnostics, null);
        reader.readText(text, fileName, null);
        return reader.sections;
    }

    private void readFile(Path file, SourceLocation requestedAt, boolean mandatory) {
        String shown = displayName(file);
        Path real;
        String text;
        try {
            real = file.toRealPath();
            text = decode(Files.readAllBytes(real));
        } catch (CharacterCodingException e) {
            diagnostics.error(new SourceLocation(shown, 0), "the file is not valid UTF-8 text");
            return;
        } catch (IOException e) {
            if (mandatory) {
                diagnostics.error(requestedAt, "cannot read '" + file + "': " + e);
            }
            return;
        }
        if (chain.contains(real)) {
            diagnostics.error(requestedAt, "#include cycle: " + describeChain() + " -> " + shown
                    + " again; a file cannot include itself");
            return;
        }
        if (chain.size() == MAX_FILE_DEPTH) {
            diagnostics.error(requestedAt, "#include of '" + shown + "' nests deeper than " + MAX_FILE_DEPTH
                    + " files (" + describeChain() + "); flatten the includes");
            return;
        }
        chain.push(real);
        try {
            readText(text, shown, file);
        } finally {
            chain.pop();
        }
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private String describeChain() {
        List<String> names = new ArrayList<>();
        chain.descendingIterator().forEachRemaining(p -> names.add(displayName(p)));
        return String.join(" -> ", names);
    }

    /** Paths below the top file's directory are shown relative to it; others in full. */
    private String displayName(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        if (topDirectory != null && absolute.startsWith(topDirectory)) {
            return topDirectory.relativize(absolute).toString();
        }
        return absolute.toString();
    }

    private void readText(String text, String fileName, Path file) {
        diagnostics.noteFile(fileName);
        CommentStripper comments = new CommentStripper();
        List<String> lines = lines(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
            SourceLocation at = new SourceLocation(fileName, i + 1);
            String content = comments.strip(line, at).strip();
            if (content.isEmpty()) {
                continue;
            }
            switch (content.charAt(0)) {
                case '[' -> header(content, at);
                case '#' -> directive(content, at, file);
                default -> entry(content, at);
            }
        }
        if (comments.insideBlock()) {
            diagnostics.error(comments.openedAt(), "block comment ';--' is never closed with '--;'"
                    + " (everything after it in " + fileName + " was ignored)");
        }
    }

    /** The lines of a text, ended by CR LF, CR or LF; the text after the last end is a line too. */
    static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                lines.add(text.substring(start, i));
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(text.substring(start));
        return lines;
    }

    private void header(String content, SourceLocation at) {
        int close = content.indexOf(']');
        if (close < 0) {
            diagnostics.error(at, "section header '" + content + "' has no closing ']'");
            current = new ConfSection(content.substring(1).strip(), false, at);
            return;
        }
        String name = canonicalName(content.substring(1, close).strip());
        SectionOptions options = SectionOptions.parse(content.substring(close + 1).strip());
        if (name.isEmpty()) {
            diagnostics.error(at, "section header '[]' has no name");
        }
        if (options.problem() != null) {
            diagnostics.error(at, options.problem().replace("{name}", name));
        }
        if (options.append()) {
            ConfSection existing = lastSectionNamed(name);
            if (existing == null) {
                diagnostics.error(at, "[" + name + "](+) adds to a section that is not defined above it;"
                        + " drop the (+) to define it here");
            } else {
                current = existing;
                copyTemplates(options.templates(), at, name);
                return;
            }
        }
        current = new ConfSection(name, options.template(), at);
        copyTemplates(options.templates(), at, name);
        sections.add(current);
    }

    /** [general] and [globals] are recognized in any case; every other name is case-sensitive. */
    private static String canonicalName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.equals("general") || lower.equals("globals") ? lower : name;
    }

    private void copyTemplates(List<String> templates, SourceLocation at, String name) {
        for (String template : templates) {
            List<ConfSection> found = sections.stream().filter(s -> s.name().equals(template)).toList();
            if (found.isEmpty()) {
                diagnostics.error(at, "[" + name + "] uses template '" + template
                        + "', which is not defined above this line");
            }
            for (ConfSection source : found) {
                if (source != current) {
                    source.entries().forEach(current::add);
                }
            }
        }
    }

    private ConfSection lastSectionNamed(String name) {
        for (int i = sections.size() - 1; i >= 0; i--) {
            if (sections.get(i).name().equals(name)) {
                return sections.get(i);
            }
        }
        return null;
    }

    private void entry(String content, SourceLocation at) {
        int equals = content.indexOf('=');
        if (equals < 0) {
            diagnostics.error(at, "expected 'key => value', a [section] header or a #directive, found '"
                    + content + "'");
            return;
        }
        boolean append = equals > 0 && content.charAt(equals - 1) == '+';
        String key = content.substring(0, append ? equals - 1 : equals).strip();
        int valueStart = equals + 1 < content.length() && content.charAt(equals + 1) == '>' ? equals + 2 : equals + 1;
        String value = content.substring(valueStart).strip();
        if (key.isEmpty()) {
            diagnostics.error(at, "no key before '=' in '" + content + "'");
            return;
        }
        if (current == null) {
            diagnostics.error(at, "'" + key + "' line is outside any section; put a [context] header above it");
            return;
        }
        ConfEntry entry = new ConfEntry(key, value, at);
        if (append) {
            current.append(entry);
        } else {
            current.add(entry);
        }
    }

    private void directive(String content, SourceLocation at, Path file) {
        int end = 1;
        while (end < content.length() && Character.isLetter(content.charAt(end))) {
            end++;
        }
        String name = content.substring(1, end).toLowerCase(Locale.ROOT);
        String argument = dequote(content.substring(end).strip());
        switch (name) {
            case "include", "tryinclude" -> include(name, argument, at, file);
            case "exec" -> diagnostics.error(at, "#exec is not supported: it would run a program while the"
                    + " dialplan loads; #include a file instead");
            default -> diagnostics.error(at, "unknown directive '#" + name + "'; expected #include or #tryinclude");
        }
    }

    /** {@code "file"} and {@code <file>} mean the same as a bare {@code file}. */
    private static String dequote(String argument) {
        if (argument.length() >= 2 && (argument.startsWith("\"") && argument.endsWith("\"")
                || argument.startsWith("<") && argument.endsWith(">"))) {
            return argument.substring(1, argument.length() - 1).strip();
        }
        return argument;
    }

    private void include(String directive, String argument, SourceLocation at, Path file) {
        boolean mandatory = directive.equals("include");
        if (argument.isEmpty()) {
            diagnostics.error(at, "#" + directive + " needs a file name, e.g. #" + directive + " \"users.conf\"");
            return;
        }
        if (file == null) {
            diagnostics.error(at, "#" + directive + " \"" + argument + "\" cannot be followed in a dialplan given as"
                    + " text; load it from a file with ExtensionsConfParser.parse(Path)");
            return;
        }
        Path directory = file.getParent();
        if (!IncludeTargets.isGlob(argument)) {
            Path target = directory.resolve(argument).normalize();
            if (Files.isRegularFile(target)) {
                readFile(target, at, mandatory);
            } else if (mandatory) {
                diagnostics.error(at, "#include \"" + argument + "\": no such file (" + target
                        + "); use #tryinclude for an optional file");
            }
            return;
        }
        List<Path> targets;
        try {
            targets = IncludeTargets.expand(directory, argument);
        } catch (IOException e) {
            diagnostics.error(at, "#" + directive + " \"" + argument + "\": cannot list files: " + e);
            return;
        }
        if (targets.isEmpty() && mandatory) {
            diagnostics.error(at, "#include \"" + argument + "\" matches no file in " + directory
                    + "; use #tryinclude if the files are optional");
        }
        targets.forEach(target -> readFile(target, at, mandatory));
    }
}
