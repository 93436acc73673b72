package org.strowger.examples.hello;

import org.osgi.service.component.annotations.Component;
import org.strowger.channel.CallerId;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.ArgumentSyntax;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/**
 * {@code Hello([name])}: greets a name, by default the caller's, in the channel variable
 * {@code HELLO} and on the call's trace.
 *
 * <pre>
 * exten => 100,1,Hello(${CALLERID(name)})
 *  same => n,Verbose(1,${HELLO})        ; Hello, Alice!
 * </pre>
 */
@Component(property = DialplanApplication.NAME_PROPERTY + "=" + HelloApplication.NAME)
public class HelloApplication implements DialplanApplication {

    /** The name the dialplan knows it by (matched without regard to case). */
    public static final String NAME = "Hello";

    /** The channel variable the greeting goes to. */
    public static final String VARIABLE = "HELLO";

    @Override
    public ArgumentSyntax syntax() {
        // one argument; split when the dialplan loads, so ${...} can never add another
        return ArgumentSyntax.arguments();
    }

    @Override
    public String description() {
        return "Hello([name]): sets HELLO to a greeting for name (default: the caller's name or number)";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        String name = arguments.get(0).isBlank() ? caller(call) : arguments.get(0).strip();
        String greeting = "Hello, " + name + "!";
        call.setVariable(VARIABLE, greeting);
        call.verbose(3, greeting);
        return ApplicationResult.CONTINUE;
    }

    private static String caller(DialplanCall call) {
        CallerId callerId = call.channel().callerId();
        return !callerId.name().isBlank() ? callerId.name()
                : !callerId.number().isBlank() ? callerId.number() : "stranger";
    }
}
