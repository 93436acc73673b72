package org.strowger.transfer.shell;

import org.strowger.channel.shell.text.TextTable;
import java.io.PrintStream;
import java.time.Duration;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.transfer.FeatureSettings;
import org.strowger.transfer.TransferAdmin;

@Command(scope = "transfer", name = "features",
        description = "Shows the feature codes, timeouts and parking lot in use (PID org.strowger.features).")
@Service
public class FeaturesCommand implements Action {

    @Reference
    TransferAdmin transfers;

    @Override
    public Object execute() {
        print(System.out, transfers.settings());
        return null;
    }

    static void print(PrintStream out, FeatureSettings s) {
        TextTable codes = new TextTable("Feature", "Code");
        codes.row("blind transfer", s.blindTransfer());
        codes.row("attended transfer", s.attendedTransfer());
        codes.row("disconnect", s.disconnect());
        codes.row("park", s.park());
        out.print(codes.render());
        out.println();
        TextTable timeouts = new TextTable("Timeout", "Value");
        timeouts.row("feature digit timeout", millis(s.featureDigitTimeout()));
        timeouts.row("transfer digit timeout", millis(s.transferDigitTimeout()));
        timeouts.row("attended no-answer timeout", millis(s.attendedNoAnswerTimeout()));
        timeouts.row("attended loop delay", millis(s.attendedLoopDelay()));
        timeouts.row("attended callback retries", s.attendedCallbackRetries());
        timeouts.row("attended drop call", s.attendedDropCall() ? "yes" : "no");
        out.print(timeouts.render());
        out.println();
        out.println("Parking lot: extension " + s.parkExtension() + ", slots " + s.firstSlot() + "-" + s.lastSlot()
                + " in context " + s.parkContext() + ", parking time " + millis(s.parkingTime()) + ", then "
                + (s.comebackToOrigin() ? "rings the parker" : "hangs up"));
        out.flush();
    }

    /** {@code 1000 ms}, {@code 3 s}: whole seconds shown as seconds, the rest in milliseconds. */
    static String millis(Duration duration) {
        if (duration == null) {
            return "-";
        }
        long ms = duration.toMillis();
        return ms % 1000 == 0 && ms >= 1000 ? ms / 1000 + " s" : ms + " ms";
    }
}
