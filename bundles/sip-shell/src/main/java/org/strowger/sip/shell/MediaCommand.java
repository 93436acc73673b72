package org.strowger.sip.shell;

import java.io.PrintStream;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.sip.MediaStatistics;
import org.strowger.sip.SipAdmin;

@Command(scope = "sip", name = "media",
        description = "RTP counters since start: open sessions, packets in/out, lost, late, bad, loss ratio.")
@Service
public class MediaCommand implements Action {

    @Reference
    SipAdmin sip;

    @Override
    public Object execute() {
        print(System.out, sip.mediaStatistics());
        return null;
    }

    static void print(PrintStream out, MediaStatistics stats) {
        out.println("RTP sessions open: " + stats.openSessions());
        out.println("packets in: " + stats.packetsIn() + "  out: " + stats.packetsOut() + "  lost: "
                + stats.packetsLost() + "  late/duplicate: " + stats.lateOrDuplicate() + "  bad: " + stats.badPackets());
        out.println(String.format(Locale.ROOT, "loss: %.4f %%", stats.lossRatio() * 100));
        out.flush();
    }
}
