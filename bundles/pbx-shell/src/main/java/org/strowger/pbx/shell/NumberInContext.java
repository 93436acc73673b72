package org.strowger.pbx.shell;

/** The {@code exten@context} argument of the dialplan commands. */
record NumberInContext(String extension, String context) {

    static NumberInContext parse(String target) {
        int at = target == null ? -1 : target.indexOf('@');
        if (at <= 0 || at == target.length() - 1) {
            throw new IllegalArgumentException("give the number and the context as exten@context, got '" + target + "'");
        }
        return new NumberInContext(target.substring(0, at), target.substring(at + 1));
    }
}
