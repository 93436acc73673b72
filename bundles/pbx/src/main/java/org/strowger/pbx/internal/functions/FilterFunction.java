package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** FILTER(allowed,text): only the characters of text that are in allowed (ranges like 0-9 allowed). */
@Component(property = DialplanFunction.NAME_PROPERTY + "=FILTER")
public class FilterFunction implements DialplanFunction {

    @Override
    public String description() {
        return "FILTER(allowed,text): only the characters of text that are in allowed (ranges like 0-9 allowed).";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        if (arguments.size() < 2) {
            throw new IllegalArgumentException("FILTER needs allowed-characters,text");
        }
        String allowed = CharacterSet.expand(arguments.get(0));
        String text = String.join(",", arguments.subList(1, arguments.size()));
        StringBuilder kept = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (allowed.indexOf(c) >= 0) {
                kept.append(c);
            }
        }
        return kept.toString();
    }
}
