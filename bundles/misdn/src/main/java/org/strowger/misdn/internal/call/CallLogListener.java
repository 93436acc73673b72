package org.strowger.misdn.internal.call;

import org.strowger.channel.log.CallLogContext;
import org.strowger.misdn.internal.l3.CallListener;

/**
 * Hands layer 3's reports to a call with the call's channel name in the logging context, so the
 * lines logged meanwhile (by the driver, the core, the dialplan it wakes) carry the name. The name
 * is looked up at each report: a masquerade or rename may have changed it.
 */
final class CallLogListener implements CallListener {

    private final IsdnCall call;

    CallLogListener(IsdnCall call) {
        this.call = call;
    }

    private CallLogContext enter() {
        return CallLogContext.enter(call.channelLink());
    }

    @Override
    public void setupAcknowledged() {
        try (CallLogContext scope = enter()) {
            call.setupAcknowledged();
        }
    }

    @Override
    public void proceeding() {
        try (CallLogContext scope = enter()) {
            call.proceeding();
        }
    }

    @Override
    public void alerting() {
        try (CallLogContext scope = enter()) {
            call.alerting();
        }
    }

    @Override
    public void progress() {
        try (CallLogContext scope = enter()) {
            call.progress();
        }
    }

    @Override
    public void connected() {
        try (CallLogContext scope = enter()) {
            call.connected();
        }
    }

    @Override
    public void information(String digits) {
        try (CallLogContext scope = enter()) {
            call.information(digits);
        }
    }

    @Override
    public void released(int cause) {
        try (CallLogContext scope = enter()) {
            call.released(cause);
        }
    }
}
