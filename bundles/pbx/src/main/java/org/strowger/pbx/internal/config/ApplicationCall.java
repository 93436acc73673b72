package org.strowger.pbx.internal.config;

/**
 * The application part of a dialplan line: the name is the text before the first {@code (}, the
 * data runs to the last {@code )} and is kept raw (each application splits its own arguments).
 *
 * @param trailing text after the last {@code )}, which is ignored ({@code ""} if none)
 */
record ApplicationCall(String name, String data, String trailing) {

    static ApplicationCall parse(String text) throws LineSyntaxException {
        int open = text.indexOf('(');
        String name = (open < 0 ? text : text.substring(0, open)).strip();
        if (name.isEmpty()) {
            throw new LineSyntaxException(open < 0
                    ? "missing application; expected 'exten => EXTENSION,PRIORITY,Application(arguments)'"
                    : "missing application name before '" + text.strip() + "'");
        }
        if (!isApplicationName(name)) {
            throw new LineSyntaxException("application name '" + name + "' may contain only letters, digits and '_'");
        }
        if (open < 0) {
            return new ApplicationCall(name, "", "");
        }
        int close = text.lastIndexOf(')');
        if (close < open) {
            throw new LineSyntaxException("'" + text.strip() + "' has no closing ')' for the arguments of " + name);
        }
        return new ApplicationCall(name, text.substring(open + 1, close), text.substring(close + 1).strip());
    }

    /** ASCII letters, digits and '_' only (a plain loop: this runs for every line of a load). */
    private static boolean isApplicationName(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= 128 || !(Character.isLetterOrDigit(c) || c == '_')) {
                return false;
            }
        }
        return true;
    }
}
