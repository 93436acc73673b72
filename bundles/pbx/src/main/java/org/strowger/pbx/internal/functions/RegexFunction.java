package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** REGEX(\"pattern\" text): 1 when text matches the (POSIX-style) pattern anywhere, else 0. */
@Component(property = DialplanFunction.NAME_PROPERTY + "=REGEX")
public class RegexFunction implements DialplanFunction {

    @Override
    public String description() {
        return "REGEX(\"pattern\" text): 1 when text matches the (POSIX-style) pattern anywhere, else 0.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        String text = Arguments.joined(arguments).trim();
        if (!text.startsWith("\"")) {
            throw new IllegalArgumentException("REGEX needs \"pattern\" text");
        }
        int close = text.indexOf('"', 1);
        if (close < 0) {
            throw new IllegalArgumentException("REGEX pattern has no closing quote");
        }
        String pattern = text.substring(1, close);
        String subject = text.substring(close + 1).stripLeading();
        try {
            return java.util.regex.Pattern.compile(pattern).matcher(subject).find() ? "1" : "0";
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new IllegalArgumentException("bad regular expression: " + e.getDescription());
        }
    }
}
