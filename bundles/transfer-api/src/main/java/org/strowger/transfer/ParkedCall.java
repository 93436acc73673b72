package org.strowger.transfer;

import java.time.Instant;

/**
 * A call waiting in the parking lot.
 *
 * @param slot the extension that retrieves it ({@code 701})
 * @param channel the parked channel's name
 * @param callerId the parked party's number, as it would be shown
 * @param parker the name of the channel that parked it, empty when none
 * @param parkedAt when it was parked
 * @param timesOutAt when it rings the parker again (or is hung up)
 */
public record ParkedCall(int slot, String channel, String callerId, String parker, Instant parkedAt,
        Instant timesOutAt) {
}
