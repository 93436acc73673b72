package org.strowger.transfer.shell;

import org.strowger.channel.shell.text.TextTable;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.transfer.ParkedCall;
import org.strowger.transfer.TransferAdmin;

@Command(scope = "transfer", name = "parked",
        description = "Lists the calls in the parking lot: slot, channel, caller id, parker, time parked and left.")
@Service
public class ParkedCommand implements Action {

    @Reference
    TransferAdmin transfers;

    @Override
    public Object execute() {
        print(System.out, transfers.parkedCalls(), Instant.now());
        return null;
    }

    static void print(PrintStream out, List<ParkedCall> parked, Instant now) {
        if (parked.isEmpty()) {
            out.println("No parked calls");
            out.flush();
            return;
        }
        TextTable table = new TextTable("Slot", "Channel", "Caller ID", "Parker", "Parked for", "Times out in");
        for (ParkedCall call : parked) {
            table.row(call.slot(), call.channel(), orDash(call.callerId()), orDash(call.parker()),
                    seconds(call.parkedAt(), now) + " s", seconds(now, call.timesOutAt()) + " s");
        }
        out.print(table.render());
        out.println(parked.size() + " parked call" + (parked.size() == 1 ? "" : "s"));
        out.flush();
    }

    private static long seconds(Instant from, Instant to) {
        return Math.max(0, Duration.between(from, to).getSeconds());
    }

    private static String orDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
