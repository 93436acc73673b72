package org.strowger.sip.internal.session;


import org.strowger.channel.ChannelService;
import org.strowger.sip.internal.rtp.RtpEngine;
import org.strowger.sip.internal.stack.SipMessages;

/** What every INVITE session needs from the driver around it. */
public record SessionContext(SipMessages messages, RtpEngine rtp, CallRegistry calls, ChannelService channels) {

}
