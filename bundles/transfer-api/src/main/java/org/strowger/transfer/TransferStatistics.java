package org.strowger.transfer;

/**
 * What the transfer features have done since they started.
 *
 * @param blindTransfers blind transfers completed (REFER without Replaces, feature code)
 * @param attendedTransfers attended transfers completed (REFER with Replaces, feature code)
 * @param parked calls parked
 * @param retrieved parked calls retrieved with {@code ParkedCall}
 * @param parkTimeouts parked calls whose parking time ran out
 * @param pickups calls picked up
 * @param failed requests that did not complete (any result but COMPLETED)
 * @param featureCodes feature codes recognised in bridges
 * @param inProgress feature transfers under way right now (collecting digits, consulting)
 */
public record TransferStatistics(long blindTransfers, long attendedTransfers, long parked, long retrieved,
        long parkTimeouts, long pickups, long failed, long featureCodes, int inProgress) {
}
