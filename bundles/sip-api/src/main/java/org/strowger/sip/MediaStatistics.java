package org.strowger.sip;

/**
 * RTP totals since the driver started, over every session, closed ones included.
 *
 * @param openSessions    RTP sessions (one per call leg) open now
 * @param packetsIn       audio and DTMF event packets received and accepted
 * @param packetsOut      packets sent
 * @param packetsLost     gaps in incoming sequence numbers (packets that never arrived)
 * @param lateOrDuplicate incoming packets dropped as reordered or repeated
 * @param badPackets      packets dropped as malformed or of an unexpected payload type
 */
public record MediaStatistics(int openSessions, long packetsIn, long packetsOut, long packetsLost,
        long lateOrDuplicate, long badPackets) {

    /** Lost packets as a share of those expected (received + lost), 0 when nothing was expected. */
    public double lossRatio() {
        long expected = packetsIn + packetsLost;
        return expected == 0 ? 0 : (double) packetsLost / expected;
    }
}
