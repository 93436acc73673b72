package org.strowger.transfer.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.ParkedCall;
import org.strowger.transfer.TransferAdmin;
import org.strowger.transfer.TransferStatistics;

/** The transfer lines of strowger:status: the parking lot by slot and the transfers counted. */
class TransferStatusContributorTest {

    @Test
    void listsTheParkedCallsAndTheTransferCounters() {
        TransferAdmin admin = new FixedAdmin(
                List.of(new ParkedCall(701, "SIP/alice-00000001", "100", "SIP/bob-00000002", Instant.EPOCH,
                        Instant.EPOCH.plusSeconds(45))),
                new TransferStatistics(3, 1, 1, 0, 0, 0, 2, 5, 1));

        assertThat(new TransferStatusContributor(admin).lines()).containsExactly(
                "Parked calls: 1",
                "  701: SIP/alice-00000001",
                "Transfers since start: 3 blind, 1 attended, 2 failed; 1 in progress");
    }

    @Test
    void anEmptyLotIsCountedAsZero() {
        TransferAdmin admin = new FixedAdmin(List.of(), new TransferStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0));

        assertThat(new TransferStatusContributor(admin).lines()).startsWith("Parked calls: 0").hasSize(2);
    }

    private record FixedAdmin(List<ParkedCall> parkedCalls, TransferStatistics statistics) implements TransferAdmin {

        @Override
        public FeatureSettings settings() {
            throw new UnsupportedOperationException("the status does not read the settings");
        }
    }
}
