package org.strowger.pbx.internal.apps;

import java.util.List;

import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;

/** Goto-style destinations: {@code [[context,]extension,]priority}. */
final class Destinations {

    private Destinations() {
    }

    /** A jump to the destination; an empty or over-long one is an error that ends the call. */
    static ApplicationResult jump(List<String> parts) {
        return switch (parts.size()) {
            case 1 -> nonEmpty(parts.get(0)) ? ApplicationResult.jump(null, null, parts.get(0)) : bad(parts);
            case 2 -> nonEmpty(parts.get(1)) ? ApplicationResult.jump(null, parts.get(0), parts.get(1)) : bad(parts);
            case 3 -> nonEmpty(parts.get(2)) ? ApplicationResult.jump(parts.get(0), parts.get(1), parts.get(2))
                    : bad(parts);
            default -> bad(parts);
        };
    }

    /** Every argument as one destination list. */
    static List<String> all(Arguments arguments) {
        List<String> parts = new java.util.ArrayList<>();
        for (int i = 0; i < arguments.size(); i++) {
            parts.add(arguments.get(i));
        }
        return parts;
    }

    private static boolean nonEmpty(String priority) {
        return !priority.isBlank();
    }

    private static ApplicationResult bad(List<String> parts) {
        throw new IllegalArgumentException("destination '" + String.join(",", parts)
                + "' is not [[context,]extension,]priority");
    }
}
