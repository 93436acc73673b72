package org.strowger.pbx.internal.apps;

import java.util.Locale;

import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.strowger.pbx.ApplicationResult;
import org.strowger.pbx.Arguments;
import org.strowger.pbx.DialplanApplication;
import org.strowger.pbx.DialplanCall;

/** Log(level,message): writes to the log at ERROR, WARNING, NOTICE, DEBUG or VERBOSE. */
@Component(property = DialplanApplication.NAME_PROPERTY + "=Log")
public class LogApp implements DialplanApplication {

    private static final Logger LOG = LoggerFactory.getLogger("org.strowger.pbx.dialplan");

    @Override
    public String description() {
        return "Writes a message to the log at a level: Log(WARNING,text).";
    }

    @Override
    public ApplicationResult execute(DialplanCall call, Arguments arguments) {
        // runs on the call's thread: the log pattern's [channel] prefix (MDC) names the channel
        String message = arguments.get(1);
        switch (arguments.get(0).trim().toUpperCase(Locale.ROOT)) {
            case "ERROR" -> LOG.error(message);
            case "WARNING" -> LOG.warn(message);
            case "NOTICE", "VERBOSE" -> LOG.info(message);
            case "DEBUG", "DTMF" -> LOG.debug(message);
            default -> throw new IllegalArgumentException("Log level '" + arguments.get(0)
                    + "' is not ERROR, WARNING, NOTICE, VERBOSE or DEBUG");
        }
        return ApplicationResult.CONTINUE;
    }
}
