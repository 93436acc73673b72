package org.strowger.pbx.internal.config;

/**
 * The priority field of a dialplan line as written: a number, {@code n}/{@code next},
 * {@code s}/{@code same}, {@code hint}, or a label of the extension, optionally followed by
 * {@code +N} and then {@code (label)}, e.g. {@code n+2(retry)}. Keywords are lowercase, as in
 * Asterisk. Resolving {@code n}, {@code s} and label references needs the lines above, so it happens
 * in {@link ContextBuilder}.
 *
 * @param base the word before {@code +} and {@code (}: a number, a keyword or a label reference
 * @param offset the {@code +N} offset, 0 if none
 * @param label the label being defined, or {@code null}
 */
record PrioritySpec(Kind kind, String base, int offset, String label) {

    enum Kind { NUMBER, NEXT, SAME, HINT, LABEL_REFERENCE }

    static PrioritySpec parse(String field) throws LineSyntaxException {
        String text = field.strip();
        String label = null;
        int open = text.indexOf('(');
        if (open >= 0) {
            int close = text.indexOf(')', open);
            if (close < 0) {
                throw new LineSyntaxException("label in priority '" + text + "' has no closing ')'");
            }
            label = text.substring(open + 1, close).strip();
            String after = text.substring(close + 1).strip();
            if (label.isEmpty()) {
                throw new LineSyntaxException("priority '" + text + "' has an empty label '()'");
            }
            if (!after.isEmpty()) {
                throw new LineSyntaxException("unexpected '" + after + "' after the label in priority '" + text
                        + "'; an offset goes before the label, e.g. n+1(" + label + ")");
            }
            text = text.substring(0, open).strip();
        }
        int offset = 0;
        int plus = text.indexOf('+');
        if (plus >= 0) {
            String digits = text.substring(plus + 1).strip();
            if (!digits.matches("[0-9]{1,9}")) {
                throw new LineSyntaxException("offset '+" + digits + "' in priority '" + field.strip()
                        + "' is not a number");
            }
            offset = Integer.parseInt(digits);
            text = text.substring(0, plus).strip();
        }
        if (text.isEmpty()) {
            throw new LineSyntaxException("missing priority; expected a number, 'n', 's', 'hint' or a label");
        }
        Kind kind = switch (text) {
            case "n", "next" -> Kind.NEXT;
            case "s", "same" -> Kind.SAME;
            case "hint" -> Kind.HINT;
            default -> allDigits(text) ? Kind.NUMBER : Kind.LABEL_REFERENCE;
        };
        if (kind == Kind.HINT && (label != null || plus >= 0)) {
            throw new LineSyntaxException("a hint takes no offset or label: write 'hint' alone");
        }
        if (kind == Kind.NUMBER && (text.length() > 9 || Integer.parseInt(text) == 0)) {
            throw new LineSyntaxException("priority '" + text + "' is out of range; priorities start at 1");
        }
        return new PrioritySpec(kind, text, offset, label);
    }

    private static boolean allDigits(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The priority a NUMBER spec stands for, offset included. */
    int number() {
        return Integer.parseInt(base) + offset;
    }
}
