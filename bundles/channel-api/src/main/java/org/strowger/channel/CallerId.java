package org.strowger.channel;

import java.util.Objects;

/**
 * The calling party as presented: number and display name, each possibly empty.
 *
 * @param number digits (and {@code +}, {@code *}, {@code #}) or empty
 * @param name display name or empty
 */
public record CallerId(String number, String name) {

    public static final CallerId UNKNOWN = new CallerId("", "");

    public CallerId {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
    }

    /** Asterisk's console form: {@code "Alice" <1001>}. */
    @Override
    public String toString() {
        if (name.isEmpty()) {
            return number.isEmpty() ? "<unknown>" : "<" + number + ">";
        }
        return "\"" + name + "\" <" + number + ">";
    }
}
