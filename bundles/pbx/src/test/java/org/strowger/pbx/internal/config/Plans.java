package org.strowger.pbx.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.List;

/** Test shorthand: dialplans written as lines of one file named extensions.conf. */
final class Plans {

    static final String FILE = "extensions.conf";

    private Plans() {
    }

    static ParsedDialplan parse(String... lines) {
        return ExtensionsConfParser.parse(String.join("\n", lines), FILE);
    }

    /** The errors of a dialplan that must fail to load, as {@code file:line: message}. */
    static List<String> errors(String... lines) {
        Throwable thrown = catchThrowable(() -> parse(lines));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
                .hasCauseInstanceOf(DialplanLoadException.class);
        return ((DialplanLoadException) thrown.getCause()).errors().stream().map(Diagnostic::toString).toList();
    }

    /** The warnings of a dialplan that loads, as {@code file:line: warning: message}. */
    static List<String> warnings(String... lines) {
        return parse(lines).diagnostics().stream().map(Diagnostic::toString).toList();
    }

    static ContextDef context(ParsedDialplan plan, String name) {
        assertThat(plan.contexts()).containsKey(name);
        return plan.contexts().get(name);
    }
}
