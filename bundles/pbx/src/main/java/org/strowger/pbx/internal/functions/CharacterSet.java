package org.strowger.pbx.internal.functions;

/** Character sets as FILTER writes them: {@code 0-9*#}, ranges expanded, backslash escapes. */
final class CharacterSet {

    private CharacterSet() {
    }

    static String expand(String spec) {
        StringBuilder set = new StringBuilder();
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c == '\\' && i + 1 < spec.length()) {
                set.append(spec.charAt(++i));
            } else if (i + 2 < spec.length() && spec.charAt(i + 1) == '-') {
                char end = spec.charAt(i + 2);
                for (char each = c; each <= end; each++) {
                    set.append(each);
                }
                i += 2;
            } else {
                set.append(c);
            }
        }
        return set.toString();
    }
}
