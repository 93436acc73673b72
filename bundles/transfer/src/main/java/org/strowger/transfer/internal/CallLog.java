package org.strowger.transfer.internal;

import org.slf4j.Logger;
import org.strowger.channel.Channel;
import org.strowger.channel.log.CallLogContext;

/**
 * Logs a line about one channel with the channel in the logging context, so the log pattern puts
 * its name in front once, whether the thread works for that call already (a dialplan application)
 * or not (a feature or timer thread).
 */
public final class CallLog {

    private CallLog() {
    }

    public static void info(Logger log, Channel channel, String format, Object... arguments) {
        try (CallLogContext scope = CallLogContext.enter(channel.name())) {
            log.info(format, arguments);
        }
    }

    public static void warn(Logger log, Channel channel, String format, Object... arguments) {
        try (CallLogContext scope = CallLogContext.enter(channel.name())) {
            log.warn(format, arguments);
        }
    }
}
