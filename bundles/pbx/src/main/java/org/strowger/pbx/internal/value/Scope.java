package org.strowger.pbx.internal.value;

import java.util.List;
import java.util.Optional;

/** What evaluating a template needs from the running call: variables and dialplan functions. */
public interface Scope {

    /**
     * The value of a variable: built-ins ({@code EXTEN}, {@code CHANNEL}...), then channel
     * variables, then globals. Empty when it is not set (it then substitutes as "").
     */
    Optional<String> variable(String name);

    /**
     * Calls the dialplan function {@code name} (for example {@code LEN}, {@code CALLERID}) with
     * its arguments already evaluated, one string each.
     *
     * @throws DialplanEvaluationException when there is no such function or it fails
     */
    String function(String name, List<String> arguments);
}
