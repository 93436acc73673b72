package org.strowger.channel;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The name of a channel technology, the part of a channel name before the slash
 * ({@code SIP} in {@code SIP/alice-00000001}). Compared case-insensitively, as dial strings are
 * typed by people, but shown as the driver spelled it.
 */
public final class TechnologyName implements Comparable<TechnologyName> {

    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,31}");

    private final String name;

    private TechnologyName(String name) {
        this.name = name;
    }

    /**
     * @throws IllegalArgumentException if the name is empty, too long or has characters that
     *         cannot appear before the slash of a channel name
     */
    public static TechnologyName of(String name) {
        if (name == null || !VALID.matcher(name).matches()) {
            throw new IllegalArgumentException("invalid channel technology name '" + name
                    + "': expected a letter followed by up to 31 letters, digits, '_', '.' or '-'");
        }
        return new TechnologyName(name);
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TechnologyName that && name.equalsIgnoreCase(that.name);
    }

    @Override
    public int hashCode() {
        return name.toLowerCase(Locale.ROOT).hashCode();
    }

    @Override
    public int compareTo(TechnologyName other) {
        return String.CASE_INSENSITIVE_ORDER.compare(name, other.name);
    }
}
