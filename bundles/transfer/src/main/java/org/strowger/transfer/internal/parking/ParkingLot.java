package org.strowger.transfer.internal.parking;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

import org.strowger.channel.Channel;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.ParkedCall;
import org.strowger.transfer.TransferOutcome;
import org.strowger.transfer.internal.Dialplan;
import org.strowger.transfer.internal.Moves;
import org.strowger.transfer.internal.Statistics;

/** TO BE WRITTEN (parking helper): the parking lot. */
public final class ParkingLot implements AutoCloseable {

    public ParkingLot(Moves moves, Dialplan dialplan, Supplier<FeatureSettings> settings, Statistics statistics,
            Executor executor, ScheduledExecutorService timers) {
    }

    /** {@link org.strowger.transfer.TransferService#park}: see its contract. */
    public TransferOutcome park(Channel parkee, Channel parker) {
        throw new UnsupportedOperationException("parking is not written yet");
    }

    /** The parked call in {@code slot}, taken out of the lot: up, unbridged, owned by the caller. */
    public Optional<Channel> retrieve(int slot) {
        return Optional.empty();
    }

    public boolean isParkExtension(String extension) {
        return false;
    }

    public List<ParkedCall> parkedCalls() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
