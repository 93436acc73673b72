package org.strowger.pbx.internal.config;

import java.util.List;

/** The dialplan has errors and was not loaded; the message lists every error with its file:line. */
public class DialplanLoadException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<Diagnostic> errors;
    private final transient List<Diagnostic> warnings;

    public DialplanLoadException(List<Diagnostic> errors, List<Diagnostic> warnings) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
        this.warnings = List.copyOf(warnings);
    }

    /** Every error, in the order found. */
    public List<Diagnostic> errors() {
        return errors;
    }

    /** The warnings found along the way (the load would have reported them too). */
    public List<Diagnostic> warnings() {
        return warnings;
    }

    private static String describe(List<Diagnostic> errors) {
        StringBuilder text = new StringBuilder("the dialplan was not loaded: ")
                .append(errors.size()).append(errors.size() == 1 ? " error" : " errors");
        for (Diagnostic error : errors) {
            text.append(System.lineSeparator()).append("  ").append(error);
        }
        return text.toString();
    }
}
