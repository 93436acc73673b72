package org.strowger.pbx;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A dialplan function ({@code ${LEN(x)}}, {@code Set(CALLERID(name)=...)}). Register as an OSGi
 * service with the property {@link #NAME_PROPERTY}; names are case-sensitive, as in Asterisk.
 */
@ConsumerType
public interface DialplanFunction {

    /** Service property naming the function, for example {@code LEN}. */
    String NAME_PROPERTY = "strowger.dialplan.function";

    /**
     * Reads the function.
     *
     * @throws IllegalArgumentException with a message for the log when the arguments are wrong
     */
    String read(DialplanCall call, List<String> arguments);

    /** Writes the function ({@code Set(FUNC(args)=value)}); most functions are read-only. */
    default void write(DialplanCall call, List<String> arguments, String value) {
        throw new UnsupportedOperationException("this function cannot be written");
    }

    /** One line for {@code dialplan:functions}. */
    default String description() {
        return "";
    }
}
