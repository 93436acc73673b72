package org.strowger.pbx.internal.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads extensions.conf. Every problem is reported with its {@code file:line}; errors stop the
 * load, warnings end up in {@link ParsedDialplan#diagnostics()}. Values are kept raw: globals are
 * not substituted into extension names or anything else.
 */
public final class ExtensionsConfParser {

    private ExtensionsConfParser() {
    }

    /**
     * Loads a dialplan file, following {@code #include} and {@code #tryinclude} relative to the
     * including file's directory (globs expanded, at most 10 files deep).
     *
     * @throws DialplanLoadException listing every error, if there is any
     */
    public static ParsedDialplan parse(Path file) throws DialplanLoadException {
        Diagnostics diagnostics = new Diagnostics();
        List<ConfSection> sections = ConfFileReader.read(file, diagnostics);
        return finish(sections, diagnostics);
    }

    /**
     * Loads a dialplan given as text (for tests and the console); {@code fileName} appears in the
     * diagnostics. There is no directory to resolve {@code #include} against, so include directives
     * are errors here.
     *
     * @throws IllegalArgumentException if the text has errors; its message lists them and its cause
     *     is the {@link DialplanLoadException} with {@link DialplanLoadException#errors()}
     */
    public static ParsedDialplan parse(String text, String fileName) {
        Diagnostics diagnostics = new Diagnostics();
        List<ConfSection> sections = ConfFileReader.read(text, fileName, diagnostics);
        try {
            return finish(sections, diagnostics);
        } catch (DialplanLoadException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    private static ParsedDialplan finish(List<ConfSection> sections, Diagnostics diagnostics)
            throws DialplanLoadException {
        ParsedDialplan plan = DialplanLoader.load(sections, diagnostics);
        if (diagnostics.hasErrors()) {
            throw new DialplanLoadException(diagnostics.errors(), diagnostics.warnings());
        }
        return plan;
    }
}
