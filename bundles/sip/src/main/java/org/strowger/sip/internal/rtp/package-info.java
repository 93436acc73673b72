/**
 * RTP media without a thread per call. An {@link org.strowger.sip.internal.rtp.RtpEngine} owns a
 * few IO threads, each with one NIO selector over the non-blocking UDP sockets of its
 * {@link org.strowger.sip.internal.rtp.RtpSession}s; received audio and RFC 4733 digits go to the
 * session's {@link org.strowger.sip.internal.rtp.RtpReceiver} on that IO thread. Sending is done by
 * whichever thread calls the session (typically the other leg's IO thread in a bridge), under a
 * small per-session lock around a reused buffer.
 *
 * <p>Each session sends with its own SSRC, sequence numbers and timestamp clock, so audio relayed
 * from another leg stays one continuous stream whatever that leg's timestamps were; it latches
 * onto the address the peer really sends from (symmetric RTP) and transcodes between G.711 laws
 * and signed linear with {@link org.strowger.sip.internal.rtp.G711}. RTCP is not implemented yet:
 * port+1 is reserved (RTP ports are even) but not opened.
 */
package org.strowger.sip.internal.rtp;
