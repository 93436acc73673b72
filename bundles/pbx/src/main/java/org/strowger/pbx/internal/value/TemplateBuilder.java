package org.strowger.pbx.internal.value;

import java.util.ArrayList;
import java.util.List;

/** Collects literal characters and references into the smallest template that represents them. */
final class TemplateBuilder {

    private final List<Template> parts = new ArrayList<>();
    private final StringBuilder literal = new StringBuilder();

    void append(char c) {
        literal.append(c);
    }

    void add(Template reference) {
        flushLiteral();
        parts.add(reference);
    }

    /** A {@link Literal}, the single reference, or a {@link Sequence}; {@code source} is the text it came from. */
    Template build(String source) {
        flushLiteral();
        if (parts.isEmpty()) {
            return new Literal("");
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        return new Sequence(source, parts);
    }

    private void flushLiteral() {
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
            literal.setLength(0);
        }
    }
}
