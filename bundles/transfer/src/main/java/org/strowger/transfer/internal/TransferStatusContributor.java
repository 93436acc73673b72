package org.strowger.transfer.internal;

import java.util.ArrayList;
import java.util.List;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.strowger.channel.status.StatusContributor;
import org.strowger.transfer.ParkedCall;
import org.strowger.transfer.TransferAdmin;
import org.strowger.transfer.TransferStatistics;

/** The transfer features' lines in {@code strowger:status}: parked calls and transfers done. */
@Component(service = StatusContributor.class)
public final class TransferStatusContributor implements StatusContributor {

    private final TransferAdmin admin;

    @Activate
    public TransferStatusContributor(@Reference TransferAdmin admin) {
        this.admin = admin;
    }

    @Override
    public String name() {
        return "Transfer";
    }

    @Override
    public List<String> lines() {
        List<ParkedCall> parked = admin.parkedCalls();
        TransferStatistics statistics = admin.statistics();
        List<String> lines = new ArrayList<>();
        lines.add("Parked calls: " + parked.size());
        for (ParkedCall call : parked) {
            lines.add("  " + call.slot() + ": " + call.channel());
        }
        lines.add("Transfers since start: " + statistics.blindTransfers() + " blind, " + statistics.attendedTransfers()
                + " attended, " + statistics.failed() + " failed; " + statistics.inProgress() + " in progress");
        return lines;
    }
}
