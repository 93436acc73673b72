package org.strowger.transfer.shell;

import org.strowger.channel.shell.text.TextTable;
import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.transfer.TransferAdmin;
import org.strowger.transfer.TransferStatistics;

@Command(scope = "transfer", name = "stats",
        description = "Counters since start: transfers, parked and retrieved calls, pickups, failures, feature codes.")
@Service
public class StatsCommand implements Action {

    @Reference
    TransferAdmin transfers;

    @Override
    public Object execute() {
        print(System.out, transfers.statistics());
        return null;
    }

    static void print(PrintStream out, TransferStatistics stats) {
        TextTable table = new TextTable("Counter", "Value");
        table.row("blind transfers", stats.blindTransfers());
        table.row("attended transfers", stats.attendedTransfers());
        table.row("parked", stats.parked());
        table.row("retrieved", stats.retrieved());
        table.row("park timeouts", stats.parkTimeouts());
        table.row("pickups", stats.pickups());
        table.row("failed", stats.failed());
        table.row("feature codes", stats.featureCodes());
        table.row("in progress", stats.inProgress());
        out.print(table.render());
        out.flush();
    }
}
