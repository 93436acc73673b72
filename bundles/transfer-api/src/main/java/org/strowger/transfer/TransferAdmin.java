package org.strowger.transfer;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** What operators see of the transfer features (the console's {@code transfer:} commands use it). */
@ProviderType
public interface TransferAdmin {

    /** The calls in the parking lot, by slot. */
    List<ParkedCall> parkedCalls();

    TransferStatistics statistics();

    /** The feature codes, timeouts and parking lot in use now. */
    FeatureSettings settings();
}
