package org.strowger.sip.internal.session;

import java.util.List;
import java.util.concurrent.ScheduledExecutorService;

import org.strowger.channel.ChannelService;
import org.strowger.channel.frame.Codec;
import org.strowger.sip.internal.endpoint.Endpoint;
import org.strowger.sip.internal.rtp.RtpEngine;
import org.strowger.sip.internal.stack.SipMessages;

/** What every INVITE session needs from the driver around it. */
public record SessionContext(SipMessages messages, RtpEngine rtp, CallRegistry calls, ChannelService channels,
        ScheduledExecutorService timers) {

    static List<Codec> codecsOf(Endpoint endpoint) {
        return endpoint.codecs();
    }
}
