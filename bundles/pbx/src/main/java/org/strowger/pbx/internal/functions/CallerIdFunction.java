package org.strowger.pbx.internal.functions;

import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.CallerId;
import org.strowger.channel.Channel;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;

/** CALLERID(num|name|all|dnid): the caller's identity; writable. */
@Component(property = DialplanFunction.NAME_PROPERTY + "=CALLERID")
public class CallerIdFunction implements DialplanFunction {

    @Override
    public String description() {
        return "CALLERID(num|name|all|dnid): read or set the caller's number and name.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        Channel channel = call.channel();
        CallerId id = channel.callerId();
        return switch (field(arguments)) {
            case "num", "number" -> id.number();
            case "name" -> id.name();
            case "all" -> id.name().isEmpty() ? "<" + id.number() + ">" : "\"" + id.name() + "\" <" + id.number() + ">";
            case "dnid" -> channel.dialedNumber();
            default -> throw unknown(arguments);
        };
    }

    @Override
    public void write(DialplanCall call, List<String> arguments, String value) {
        Channel channel = call.channel();
        CallerId id = channel.callerId();
        switch (field(arguments)) {
            case "num", "number" -> channel.setCallerId(new CallerId(value, id.name()));
            case "name" -> channel.setCallerId(new CallerId(id.number(), value));
            default -> throw unknown(arguments);
        }
    }

    private static String field(List<String> arguments) {
        return arguments.isEmpty() ? "" : arguments.get(0).trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static IllegalArgumentException unknown(List<String> arguments) {
        return new IllegalArgumentException("unknown CALLERID field '" + String.join(",", arguments)
                + "' (num, name, all, dnid)");
    }
}
