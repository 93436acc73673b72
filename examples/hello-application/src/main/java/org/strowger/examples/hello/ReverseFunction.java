package org.strowger.examples.hello;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/**
 * {@code ${REVERSE(text)}}: the text backwards, by code point (so letters outside the Basic
 * Multilingual Plane stay whole). Read-only, like most functions.
 *
 * <pre>
 * exten => 101,1,SayDigits(${REVERSE(${CALLERID(num)})})
 * </pre>
 */
@Component(property = DialplanFunction.NAME_PROPERTY + "=" + ReverseFunction.NAME)
public class ReverseFunction implements DialplanFunction {

    /** The name the dialplan knows it by (case-sensitive, as in Asterisk). */
    public static final String NAME = "REVERSE";

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        if (arguments.size() > 1) {
            // the dialplan split the text at its commas: put them back rather than lose them
            throw new IllegalArgumentException("REVERSE takes one argument, got " + arguments.size()
                    + " (" + arguments + "); quote text that contains commas: REVERSE(\"a,b\")");
        }
        String text = arguments.isEmpty() ? "" : arguments.get(0);
        int[] codePoints = text.codePoints().toArray();
        StringBuilder reversed = new StringBuilder(text.length());
        for (int i = codePoints.length - 1; i >= 0; i--) {
            reversed.appendCodePoint(codePoints[i]);
        }
        return reversed.toString();
    }

    @Override
    public String description() {
        return "REVERSE(text): the text backwards";
    }
}
