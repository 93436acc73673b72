package org.strowger.pbx.internal.value;

import java.util.List;

/** Parts evaluated left to right and joined; each value lands in its own slot and is never re-read. */
record Sequence(String source, List<Template> parts) implements Template {

    Sequence {
        parts = List.copyOf(parts);
    }

    @Override
    public String evaluate(Scope scope) {
        StringBuilder out = new StringBuilder();
        for (Template part : parts) {
            out.append(part.evaluate(scope));
        }
        return out.toString();
    }

    @Override
    public boolean isLiteral() {
        return parts.stream().allMatch(Template::isLiteral);
    }
}
