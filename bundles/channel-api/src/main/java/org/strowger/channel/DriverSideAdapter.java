package org.strowger.channel;

import java.time.Duration;

import org.osgi.annotation.versioning.ConsumerType;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;

/**
 * A driver side that does nothing: extend it and override what you need (test doubles,
 * placeholder channels that only exist to be masqueraded away).
 */
@ConsumerType
public class DriverSideAdapter implements DriverSide {

    @Override
    public void call(Duration timeout) throws ChannelUnavailableException {
    }

    @Override
    public void answer() {
    }

    @Override
    public void hangup(HangupCause cause) {
    }

    @Override
    public void write(Frame frame) {
    }

    @Override
    public void indicate(Control control) {
    }
}
