package org.strowger.pbx.internal.functions;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.osgi.service.component.annotations.Component;
import org.strowger.pbx.DialplanCall;
import org.strowger.pbx.DialplanFunction;
import org.strowger.pbx.internal.engine.CallScope;

/** TIMEOUT(digit|response|absolute): the call's timeouts in seconds; writable (0 clears absolute). */
@Component(property = DialplanFunction.NAME_PROPERTY + "=TIMEOUT")
public class TimeoutFunction implements DialplanFunction {

    @Override
    public String description() {
        return "TIMEOUT(digit|response|absolute): read or set the call's timeouts, in seconds.";
    }

    @Override
    public String read(DialplanCall call, List<String> arguments) {
        CallScope scope = (CallScope) call;
        return switch (kind(arguments)) {
            case "digit" -> seconds(call.digitTimeout());
            case "response" -> seconds(call.responseTimeout());
            default -> scope.absoluteDeadline()
                    .map(deadline -> seconds(Duration.between(Instant.now(), deadline))).orElse("0");
        };
    }

    @Override
    public void write(DialplanCall call, List<String> arguments, String value) {
        CallScope scope = (CallScope) call;
        Duration duration;
        try {
            duration = Duration.ofMillis(Math.round(Double.parseDouble(value.trim()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("TIMEOUT value '" + value + "' is not a number of seconds");
        }
        switch (kind(arguments)) {
            case "digit" -> scope.setDigitTimeout(duration);
            case "response" -> scope.setResponseTimeout(duration);
            default -> scope.setAbsoluteDeadline(duration.isZero() ? null : Instant.now().plus(duration));
        }
    }

    private static String kind(List<String> arguments) {
        String kind = arguments.isEmpty() ? "" : arguments.get(0).trim().toLowerCase(java.util.Locale.ROOT);
        if (!kind.equals("digit") && !kind.equals("response") && !kind.equals("absolute")) {
            throw new IllegalArgumentException("TIMEOUT needs digit, response or absolute, got '" + kind + "'");
        }
        return kind;
    }

    private static String seconds(Duration duration) {
        double seconds = duration.toMillis() / 1000.0;
        return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
    }
}
