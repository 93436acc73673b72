package org.strowger.misdn.internal.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The resource of an mISDN dial string (the part after {@code mISDN/}): {@code PORT/NUMBER}
 * dials on one port, {@code g:GROUP/NUMBER} on the first port of a group with a free B-channel.
 *
 * @param port the port number, 0 when a group is named
 * @param group the group, empty when a port is named
 * @param number the called number: digits, {@code *}, {@code #}, a leading {@code +}
 */
public record DialString(int port, String group, String number) {

    private static final Pattern FORM = Pattern.compile("(?:(\\d{1,3})|g:([A-Za-z0-9][A-Za-z0-9_.-]{0,63}))/(\\+?[0-9*#]{1,32})");

    /**
     * @throws IllegalArgumentException saying what is wrong, when the resource is not in one of the two forms
     */
    public static DialString parse(String resource) {
        Matcher m = FORM.matcher(resource == null ? "" : resource.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("mISDN dial string '" + resource + "' is not PORT/NUMBER or g:GROUP/NUMBER"
                    + " (for example mISDN/1/2600 or mISDN/g:out/2600; the number is digits, * or #)");
        }
        if (m.group(1) != null) {
            int port = Integer.parseInt(m.group(1));
            if (port < 1) {
                throw new IllegalArgumentException("mISDN dial string '" + resource + "': ports count from 1");
            }
            return new DialString(port, "", m.group(3));
        }
        return new DialString(0, m.group(2), m.group(3));
    }

    public boolean byGroup() {
        return port == 0;
    }

    @Override
    public String toString() {
        return (byGroup() ? "g:" + group : String.valueOf(port)) + "/" + number;
    }
}
