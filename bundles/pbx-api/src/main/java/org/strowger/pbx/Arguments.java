package org.strowger.pbx;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * An application's arguments for one execution, each substituted in its own slot.
 *
 * <p>For {@link ArgumentSyntax#assignment()}: argument 0 is the name, 1 the value. For
 * {@link ArgumentSyntax#condition()}: argument 0 is the condition; {@link #list(int)} 1 and 2
 * are the comma-separated "then" and "else" branches, {@link #has(int)} tells whether each
 * was written.
 */
@ProviderType
public interface Arguments {

    /** How many arguments were written (trailing empty ones included). */
    int size();

    /** Whether argument {@code index} was written (it may still be empty). */
    boolean has(int index);

    /** Argument {@code index}, or "" when not written. */
    String get(int index);

    /** Argument {@code index} as a list (split at load time), or an empty list when not written. */
    List<String> list(int index);

    /** The data as written in the dialplan, before substitution: for logs and traces. */
    String source();
}
