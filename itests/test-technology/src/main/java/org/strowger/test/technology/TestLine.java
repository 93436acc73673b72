package org.strowger.test.technology;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;
import org.strowger.channel.Channel;
import org.strowger.channel.HangupCause;
import org.strowger.channel.frame.Control;
import org.strowger.channel.frame.Frame;

/** The far end of one test channel, and a record of what the core asked of its driver side. */
@ProviderType
public interface TestLine {

    /** The channel that owns this line now (it changes when a masquerade moves the line). */
    Channel owner();

    /** The far end sends a frame. */
    void send(Frame frame);

    /** The far end hangs up. */
    void hangUp(HangupCause cause);

    List<Frame> received();

    List<Control> indications();

    /** How many times the core released this line: 0 while live, 1 after. */
    int releases();

    Optional<HangupCause> releaseCause();

    /** Each fixup, as {@code oldOwner -> newOwner}. */
    List<String> fixups();
}
