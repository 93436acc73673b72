package org.strowger.sip.internal.rtp;

/**
 * Totals over every session an engine has opened, closed ones included.
 *
 * @param openSessions sessions open now
 * @param packetsIn audio and event packets accepted
 * @param packetsOut packets handed to sockets
 * @param packetsLost gaps in incoming sequence numbers
 * @param lateOrDuplicate incoming packets dropped as reordered or repeated
 * @param badPackets packets dropped as malformed, of an unexpected payload type, or refused by a socket
 */
public record RtpEngineStats(int openSessions, long packetsIn, long packetsOut, long packetsLost,
                             long lateOrDuplicate, long badPackets) {
}
