package org.strowger.misdn.shell;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.strowger.channel.shell.text.TextTable;
import org.strowger.misdn.MisdnAdmin;
import org.strowger.misdn.PortStatus;

@Command(scope = "misdn", name = "ports",
        description = "Lists the mISDN ports: role, point-to-point or multipoint, layers 1 and 2, B-channels in use,"
                + " groups and context.")
@Service
public class PortsCommand implements Action {

    @Reference
    MisdnAdmin misdn;

    @Override
    public Object execute() {
        print(System.out, misdn);
        return null;
    }

    static void print(PrintStream out, MisdnAdmin misdn) {
        if (!misdn.available()) {
            out.println(misdn.unavailableReason());
            out.flush();
            return;
        }
        String card = misdn.simulated() ? "sim" : "hardware";
        TextTable table = new TextTable("Port", "Name", "Role", "Mode", "L1", "L2", "B in use", "Groups", "Context", "Card");
        for (PortStatus p : misdn.ports()) {
            table.row(String.valueOf(p.port()), p.name(), p.role(), p.pointToMultipoint() ? "ptmp" : "ptp",
                    p.layer1Up() ? "up" : "down", p.layer2Up() ? "up" : "down",
                    p.bChannelsInUse() + "/" + p.bChannels(), p.groups().isEmpty() ? "-" : String.join(",", p.groups()),
                    p.context(), card);
        }
        out.print(table.render());
        int count = misdn.ports().size();
        out.println(count + " port" + (count == 1 ? "" : "s") + " on the " + (misdn.simulated() ? "simulated" : "hardware")
                + " card");
        out.flush();
    }
}
