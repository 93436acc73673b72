package org.strowger.sip.internal.rtp;

/**
 * One session's packet counts so far.
 *
 * @param packetsIn audio and event packets accepted
 * @param packetsOut packets handed to the socket
 * @param packetsLost gaps in the incoming sequence numbers
 * @param lateOrDuplicate incoming packets older than ones already accepted (dropped)
 * @param dropped incoming packets that were malformed or of a payload type we did not negotiate
 *                (comfort noise included), and outgoing ones the socket refused
 */
public record RtpSessionStats(long packetsIn, long packetsOut, long packetsLost, long lateOrDuplicate, long dropped) {
}
