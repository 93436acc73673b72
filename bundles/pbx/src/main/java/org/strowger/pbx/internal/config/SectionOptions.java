package org.strowger.pbx.internal.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The parenthesised options after a section header: {@code (!)} template, {@code (+)} append to an
 * existing section, any other word a template whose lines are copied in first; combinable as
 * {@code (!,base)}.
 *
 * @param problem a message (with {@code {name}} for the section name) if the text is malformed
 */
record SectionOptions(boolean template, boolean append, List<String> templates, String problem) {

    static SectionOptions parse(String text) {
        if (text.isEmpty()) {
            return new SectionOptions(false, false, List.of(), null);
        }
        if (!text.startsWith("(") || !text.endsWith(")")) {
            return new SectionOptions(false, false, List.of(), "unexpected text '" + text + "' after [{name}];"
                    + " section options go in parentheses right after the header, e.g. [{name}](!)");
        }
        boolean template = false;
        boolean append = false;
        List<String> templates = new ArrayList<>();
        for (String option : text.substring(1, text.length() - 1).split(",", -1)) {
            String word = option.strip();
            switch (word) {
                case "!" -> template = true;
                case "+" -> append = true;
                case "" -> {
                    return new SectionOptions(template, append, templates, "empty option in '" + text
                            + "' after [{name}]; expected '!', '+' or template names separated by commas");
                }
                default -> templates.add(word);
            }
        }
        return new SectionOptions(template, append, List.copyOf(templates), null);
    }
}
